"""Who may register and keep devices and enter orders on a resident's behalf, over two
communities: 401 without a good token, 403 for residents and members, 404 for another
community's device or community; nothing changes."""

from __future__ import annotations

import pytest

from app.devices.models import Device, DeviceCarer
from app.extensions import db
from app.orders.models import Order
from tests.helpers.api import get_json
from tests.helpers.db import count_rows
from tests.helpers.devices import HOUSEHOLD, register
from tests.helpers.permissions import Case, check, matrix


def _device_of_b(world) -> dict:
    return {"serial": "XH-NEW", "community_id": world.b.community.id, "resident": HOUSEHOLD}


def _order_in_b(world) -> dict:
    return {
        "community_id": world.b.community.id,
        "item_id": world.item.id,
        "contact_name": "刘奶奶",
        "contact_phone": "13979100001",
        "address": "百花洲路 8 号",
        "description": "热线来电：家里停水",
    }


ROUTES = [
    ("post", "/staff/devices", _device_of_b),
    ("post", "/staff/devices/{device}/secret", None),
    ("put", "/staff/devices/{device}/carers", {"carer_ids": []}),
    ("put", "/staff/devices/{device}/carers", {"carer_ids": "not a list"}),
    ("get", "/staff/devices?community_id={community}", None),
    ("post", "/staff/orders", _order_in_b),
]
OUTSIDE_THE_REACH = [Case("a.staff", method, path, 404, body=body) for method, path, body in ROUTES]
OUTSIDE_THE_REACH[4] = Case("a.staff", "get", ROUTES[4][1], 422, "VALIDATION_ERROR")
WRONG_ROLE = [
    Case(who, method, path, 403, body=body)
    for who in ("a.resident", "a.member")
    for method, path, body in ROUTES
]
NO_GOOD_TOKEN = [
    Case(who, method, path, 401, body=body)
    for who in ("anonymous", "forged token", "token without Bearer", "basic auth")
    for method, path, body in ROUTES
]


@pytest.fixture
def b_device(client, world):
    return register(client, world.b.staff, world.b.community, carer_ids=[world.b.member.id])


@matrix(OUTSIDE_THE_REACH + WRONG_ROLE + NO_GOOD_TOKEN)
def test_who_may_call_what(client, world, b_device, case):
    secret = db.session.get(Device, b_device.id).secret_encrypted
    check(client, world, case, device=b_device.id, community=world.b.community.id)

    db.session.expire_all()
    assert count_rows(Device) == 1 and count_rows(Order) == 0
    assert db.session.get(Device, b_device.id).secret_encrypted == secret
    assert count_rows(DeviceCarer) == 1


def test_staff_see_only_their_communitys_devices_and_the_street_admin_all(client, world, b_device):
    mine = register(client, world.a.staff, world.a.community, serial="XH-A")

    assert [d["id"] for d in get_json(client, world.a.staff, "/staff/devices")["items"]] == [
        mine.id
    ]
    listed = get_json(client, world.street_admin, "/staff/devices")["items"]
    assert [d["id"] for d in listed] == [mine.id, b_device.id]
    assert "secret" not in listed[0] and "secret_encrypted" not in listed[0]
