"""Heartbeats keep a device's battery, signal and last contact; the worker flags a device
silent for 24 hours and tells its staff once per silence; each press tells the community's
staff and the household's care circle, through the outbox and the worker."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.devices.models import Device, DeviceNonce
from app.extensions import db
from app.wechat import build_backend
from app.worker import tasks
from app.worker.queue import queue
from tests.helpers import factories
from tests.helpers.api import API, assert_error, auth, get_json, post
from tests.helpers.apps import wechat_overrides
from tests.helpers.db import count_rows, fresh
from tests.helpers.devices import press, register, send
from tests.helpers.worker import drain


@pytest.fixture
def device(frozen_clock, client, world):
    return register(client, world.a.staff, world.a.community)


def silent_job() -> int:
    return tasks.flag_silent_devices.call_local()


def titles(client, user) -> list[str]:
    return [m["title"] for m in get_json(client, user, "/my/messages")["items"]]


def test_a_heartbeat_keeps_battery_signal_and_when(frozen_clock, client, device):
    response = send(client, device, "/devices/heartbeat", {"battery": 87, "signal": -71})

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["battery"] == 87
    kept = db.session.get(Device, device.id)
    assert (kept.battery, kept.signal, kept.last_seen_at) == (87, -71, frozen_clock.now)


@pytest.mark.parametrize("body", [{"battery": 101}, {"battery": "87"}, {"signal": 5}, {"x": 1}])
def test_a_bad_heartbeat_is_a_422_and_writes_nothing(client, device, body):
    assert_error(send(client, device, "/devices/heartbeat", body), 422, "VALIDATION_ERROR")
    assert db.session.get(Device, device.id).last_seen_at is None
    assert count_rows(DeviceNonce) == 0


def test_a_heartbeat_is_signed_like_a_press(client, device):
    response = send(client, device, "/devices/heartbeat", {"battery": 50}, secret="f" * 64)
    assert_error(response, 401, "DEVICE_UNAUTHORIZED")
    assert db.session.get(Device, device.id).last_seen_at is None


def test_a_device_silent_for_24_hours_is_flagged_and_staff_told_once(
    frozen_clock, client, world, device
):
    send(client, device, "/devices/heartbeat", {"battery": 40})
    frozen_clock.shift(timedelta(hours=23, minutes=59))
    assert silent_job() == 0
    frozen_clock.shift(timedelta(minutes=2))

    assert silent_job() == 1
    assert silent_job() == 0  # once per silence, however often (or on how many workers) it runs

    assert fresh(db.session.get(Device, device.id)).silent_since == frozen_clock.now
    assert titles(client, world.a.staff) == ["一键通设备失联"]
    assert titles(client, world.b.staff) == []
    listed = get_json(client, world.a.staff, "/staff/devices?silent=true")["items"]
    assert [d["id"] for d in listed] == [device.id]


def test_a_heartbeat_ends_the_silence_and_a_new_one_is_told_again(
    frozen_clock, client, world, device
):
    frozen_clock.shift(timedelta(hours=25))
    assert silent_job() == 1
    assert send(client, device, "/devices/heartbeat", {"battery": 90}).status_code == 200
    assert db.session.get(Device, device.id).silent_since is None
    frozen_clock.shift(timedelta(hours=25))

    assert silent_job() == 1
    assert titles(client, world.a.staff) == ["一键通设备失联", "一键通设备失联"]


def test_used_nonces_are_swept_after_their_window(frozen_clock, client, device):
    assert press(client, device).status_code == 201
    assert tasks.sweep_device_nonces.call_local() == 0
    frozen_clock.shift(timedelta(seconds=601))

    assert tasks.sweep_device_nonces.call_local() == 1
    assert count_rows(DeviceNonce) == 0


@pytest.fixture
def wechat(app, fake_wechat, monkeypatch):
    queue.flush()
    monkeypatch.setitem(app.config, "WECHAT_TEMPLATE_IDS", {"device_pressed": "TPL-PRESSED"})
    monkeypatch.setitem(
        app.extensions, "wechat", build_backend(wechat_overrides(fake_wechat), None)
    )
    yield fake_wechat
    queue.flush()


def test_a_press_tells_staff_and_the_care_circle_at_once(client, world, wechat):
    grid_worker = factories.staff(world.a.community)
    db.session.commit()
    carers = [world.a.member.id, grid_worker.id]
    device = register(client, world.a.staff, world.a.community, carer_ids=carers)
    grant = {"template_ids": ["TPL-PRESSED"]}  # the member accepted it in the mini-program
    assert post(client, world.a.member, "/me/subscriptions", grant).status_code == 200

    order_id = press(client, device).get_json()["order_id"]
    drain()

    for user in (world.a.staff, world.a.member, grid_worker):
        assert titles(client, user) == ["一键通紧急求助"], user
    assert titles(client, world.b.staff) == [] and titles(client, world.b.member) == []
    (sent,) = wechat.delivered
    assert sent["touser"] == world.a.member.openid
    assert sent["page"] == f"pages/orders/detail?id={order_id}"
    assert sent["data"]["character_string4"]["value"] == device.serial


def test_carers_must_belong_to_the_devices_community(client, world):
    body = {
        "serial": "XH-9",
        "community_id": world.a.community.id,
        "resident": {"name": "李大爷", "phone": "13900002222", "address": "一号楼"},
        "carer_ids": [world.b.member.id],
    }
    response = client.post(f"{API}/staff/devices", json=body, headers=auth(world.a.staff))
    assert_error(response, 422, "VALIDATION_ERROR")
    assert "carer_ids" in response.get_json()["error"]["details"]
    assert count_rows(Device) == 0
