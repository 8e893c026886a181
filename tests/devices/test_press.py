"""A press of a one-button device (CONTRACT §6.6): an urgent order, or the open one; every
refusal is 401 DEVICE_UNAUTHORIZED and writes nothing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from app.accounts.models import User
from app.devices.models import DeviceNonce
from app.extensions import db
from app.orders.models import Order, OrderEvent
from tests.helpers.api import API, assert_error, get_json, post
from tests.helpers.db import count_rows
from tests.helpers.devices import HOUSEHOLD, press, register, send, signed_headers


@pytest.fixture
def device(client, world):
    return register(client, world.a.staff, world.a.community)


def test_a_press_makes_an_urgent_submitted_order_at_the_household(
    frozen_clock, client, world, device
):
    response = press(client, device)

    assert response.status_code == 201, response.get_json()
    order = db.session.get(Order, response.get_json()["order_id"])
    assert (order.status, order.source) == ("submitted", "device")
    assert order.community_id == world.a.community.id
    assert (order.address, order.contact_phone) == (HOUSEHOLD["address"], HOUSEHOLD["phone"])
    assert order.respond_by == frozen_clock.now + timedelta(minutes=15)
    seen = get_json(client, world.a.staff, f"/orders/{order.id}")
    assert seen["source"] == "device" and seen["timeline"][0]["status"] == "submitted"
    assert count_rows(DeviceNonce) == 1


def test_an_empty_body_is_a_press_too(client, device):
    assert send(client, device, body={}).status_code == 201


def test_a_press_while_its_order_is_open_answers_that_order(client, world, device):
    first = press(client, device).get_json()["order_id"]
    post(client, world.a.staff, f"/staff/orders/{first}/approve")

    again = press(client, device)

    assert again.status_code == 200 and again.get_json() == {"order_id": first}
    assert count_rows(Order) == 1


def cancel_as_resident(client, order_id: int) -> None:
    """The household's resident (no WeChat; a token as the mini-program would hold)."""
    resident = db.session.get(User, db.session.get(Order, order_id).resident_id)
    assert post(client, resident, f"/orders/{order_id}/cancel").status_code == 200


@pytest.mark.parametrize("ending", ["cancel", "reject"])
def test_after_its_order_ends_a_press_makes_a_new_one(client, world, device, ending):
    first = press(client, device).get_json()["order_id"]
    if ending == "cancel":
        cancel_as_resident(client, first)
    else:
        reject = post(client, world.a.staff, f"/staff/orders/{first}/reject", {"reason": "误按"})
        assert reject.status_code == 200

    again = press(client, device)

    assert again.status_code == 201
    assert again.get_json()["order_id"] != first
    assert count_rows(Order) == 2


def test_after_its_order_is_completed_a_press_makes_a_new_one(client, world, device):
    first = press(client, device).get_json()["order_id"]
    staff, member = world.a.staff, world.a.member
    assert post(client, staff, f"/staff/orders/{first}/approve").status_code == 200
    dispatched = post(client, staff, f"/staff/orders/{first}/dispatch", {"member_id": member.id})
    assert dispatched.status_code == 200, dispatched.get_json()
    for move in ("accept", "complete"):
        assert post(client, member, f"/member/orders/{first}/{move}").status_code == 200

    again = press(client, device)

    assert again.status_code == 201 and again.get_json()["order_id"] != first


def _refused(client, response):
    assert_error(response, 401, "DEVICE_UNAUTHORIZED")
    assert count_rows(Order) == 0
    assert count_rows(OrderEvent) == 0
    assert count_rows(DeviceNonce) == 0


def test_a_wrong_signature_is_refused(client, device):
    _refused(client, press(client, device, secret="0" * 64))


def test_an_unknown_serial_is_refused(client, device):
    device.serial = "NOT-REGISTERED"
    _refused(client, press(client, device))


@pytest.mark.parametrize("seconds", [-301, 301])
def test_a_timestamp_more_than_300_seconds_away_is_refused(frozen_clock, client, device, seconds):
    stamp = int(frozen_clock.now.timestamp()) + seconds
    _refused(client, press(client, device, timestamp=stamp))


@pytest.mark.parametrize("seconds", [-300, 300])
def test_a_timestamp_300_seconds_away_is_accepted(frozen_clock, client, device, seconds):
    stamp = int(frozen_clock.now.timestamp()) + seconds
    assert press(client, device, timestamp=stamp).status_code == 201


@pytest.mark.parametrize("nonce", ["n" * 7, "n" * 65, ""])
def test_a_nonce_out_of_8_to_64_characters_is_refused(client, device, nonce):
    _refused(client, press(client, device, nonce=nonce))


@pytest.mark.parametrize("nonce", ["n" * 8, "n" * 64])
def test_nonces_of_8_and_64_characters_are_accepted(client, device, nonce):
    assert press(client, device, nonce=nonce).status_code == 201


def test_a_reused_nonce_is_refused_and_writes_nothing_more(client, world, device):
    first = press(client, device, nonce="once-only-1")
    assert first.status_code == 201
    cancel_as_resident(client, first.get_json()["order_id"])
    orders, events = count_rows(Order), count_rows(OrderEvent)

    again = press(client, device, nonce="once-only-1")

    assert_error(again, 401, "DEVICE_UNAUTHORIZED")
    assert (count_rows(Order), count_rows(OrderEvent)) == (orders, events)
    assert count_rows(DeviceNonce) == 1


def test_a_body_changed_after_signing_is_refused(client, device):
    signed = json.dumps({}).encode()
    headers = signed_headers(device, signed)
    response = client.post(
        f"{API}/devices/press", data=json.dumps({"button": "help"}), headers=headers
    )
    _refused(client, response)


def test_no_headers_are_refused(client, device):
    _refused(client, client.post(f"{API}/devices/press", json={"button": "help"}))


def test_a_bearer_token_is_no_device_signature(client, world, device):
    response = post(client, world.a.staff, "/devices/press", {})
    _refused(client, response)


def test_an_unknown_button_is_a_422_after_the_signature_and_writes_nothing(client, device):
    response = send(client, device, body={"button": "fire"})
    assert_error(response, 422, "VALIDATION_ERROR")
    assert count_rows(Order) == 0 and count_rows(DeviceNonce) == 0


def test_a_rotated_secret_replaces_the_old_one_at_once(client, world, device):
    old = device.secret
    rotated = post(client, world.a.staff, f"/staff/devices/{device.id}/secret")
    assert rotated.status_code == 200
    device.secret = rotated.get_json()["secret"]
    assert device.secret != old

    _refused(client, press(client, device, secret=old))
    assert press(client, device).status_code == 201
