"""The console's 一键通 page: staff register a device (the secret shown on that answer
only), see their own community's devices with battery and silence, rotate a secret and
name the care circle; the nav's badge counts presses waiting and silent devices."""

from __future__ import annotations

import re
from datetime import timedelta

from app.devices.models import Device, DeviceCarer
from app.extensions import db
from app.worker import tasks
from tests.helpers.console import page_text, post_form, sign_in
from tests.helpers.db import count_rows
from tests.helpers.devices import press, register, send

FORM = {
    "serial": "XH-C1",
    "resident_name": "王奶奶",
    "resident_phone": "13900001111",
    "address": "民强街 3 栋 101",
    "contact_name": "王小明",
    "contact_phone": "13900003333",
}


def test_staff_register_a_device_and_see_its_secret_once(client, world):
    staff_client = sign_in(client, world.a.staff)
    form = {
        **FORM,
        "community_id": str(world.a.community.id),
        "carer_ids": [str(world.a.member.id)],
    }

    response = post_form(staff_client, "/console/devices", form)

    assert response.status_code == 201
    text = page_text(response)
    secret = re.search(r'id="secret-value">([0-9a-f]{64})<', text).group(1)
    device = db.session.query(Device).one()
    assert device.emergency_contacts == [{"name": "王小明", "phone": "13900003333"}]
    assert [c.user_id for c in device.carers] == [world.a.member.id]
    listed = page_text(staff_client.get("/console/devices"))
    assert "XH-C1" in listed and secret not in listed and "从未上报" in listed
    assert 'class="active">一键通' in listed


def test_a_bad_form_is_a_422_with_its_messages_and_nothing_written(client, world):
    staff_client = sign_in(client, world.a.staff)
    form = {**FORM, "community_id": str(world.a.community.id), "resident_phone": "123"}

    response = post_form(staff_client, "/console/devices", form)

    assert response.status_code == 422
    assert "请填写正确的手机号码" in page_text(response)
    assert count_rows(Device) == 0


def test_staff_see_only_their_communitys_devices(client, world):
    register(client, world.b.staff, world.b.community, serial="XH-B")
    mine = register(client, world.a.staff, world.a.community, serial="XH-A")
    send(client, mine, "/devices/heartbeat", {"battery": 64, "signal": -80})

    text = page_text(sign_in(client, world.a.staff).get("/console/devices"))

    assert "XH-A" in text and "XH-B" not in text
    assert "64%" in text and "-80 dBm" in text


def test_rotating_shows_the_new_secret_and_others_devices_are_not_found(client, world):
    mine = register(client, world.a.staff, world.a.community, serial="XH-A")
    theirs = register(client, world.b.staff, world.b.community, serial="XH-B")
    staff_client = sign_in(client, world.a.staff)

    rotated = post_form(staff_client, f"/console/devices/{mine.id}/secret", {})
    assert rotated.status_code == 200
    new = re.search(r'id="secret-value">([0-9a-f]{64})<', page_text(rotated)).group(1)
    assert new != mine.secret

    before = db.session.get(Device, theirs.id).secret_encrypted
    assert post_form(staff_client, f"/console/devices/{theirs.id}/secret", {}).status_code == 404
    db.session.expire_all()
    assert db.session.get(Device, theirs.id).secret_encrypted == before


def test_the_care_circle_is_named_on_the_page(client, world):
    mine = register(client, world.a.staff, world.a.community)
    staff_client = sign_in(client, world.a.staff)

    response = post_form(
        staff_client, f"/console/devices/{mine.id}/carers", {"carer_ids": [str(world.a.member.id)]}
    )

    assert response.status_code == 302
    assert [c.user_id for c in db.session.query(DeviceCarer)] == [world.a.member.id]
    refused = post_form(
        staff_client, f"/console/devices/{mine.id}/carers", {"carer_ids": [str(world.b.member.id)]}
    )
    assert refused.status_code == 422


def _badge(text: str) -> str | None:
    found = re.search(
        r'href="/console/devices"[^>]*>一键通\s*<span class="badge[^"]*"[^>]*>(\d+)<', text
    )
    return found.group(1) if found else None


def test_the_badge_counts_presses_waiting_and_silent_devices(
    frozen_clock, app, client, world, monkeypatch
):
    device = register(client, world.a.staff, world.a.community)
    staff_client = sign_in(client, world.a.staff)
    assert _badge(page_text(staff_client.get("/console/devices"))) is None

    press(client, device)
    assert _badge(page_text(staff_client.get("/console/"))) == "1"
    monkeypatch.setitem(app.config, "DEVICE_SILENT_HOURS", 0.5)  # the session outlasts it
    frozen_clock.shift(timedelta(hours=1))
    assert tasks.flag_silent_devices.call_local() == 1
    assert _badge(page_text(staff_client.get("/console/"))) == "2"
    assert _badge(page_text(sign_in(client, world.b.staff).get("/console/"))) is None
