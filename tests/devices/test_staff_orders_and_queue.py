"""Device orders are urgent: first in the staff's list and the console's queue while nobody
has taken them. 代点单 through the API (POST /staff/orders) keeps the console's rules.
Registration: the secret once, a serial once."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.devices.models import Device
from app.extensions import db
from app.orders.models import OfflineResident, Order
from tests.helpers import factories
from tests.helpers.api import API, assert_error, auth, get_json, pages, post
from tests.helpers.console import row_ids, sign_in
from tests.helpers.db import count_rows
from tests.helpers.devices import HOUSEHOLD, press, register

HOTLINE = {
    "item_id": None,
    "contact_name": "刘奶奶",
    "contact_phone": "13979100001",
    "address": "百花洲路 8 号 3 栋 201",
    "description": "12345 热线转来：家里灯不亮了",
}


def hotline(world, **overrides) -> dict:
    return {**HOTLINE, "item_id": world.item.id, **overrides}


def test_a_device_order_comes_first_until_it_is_taken(client, world):
    older = factories.order(world.a.community, world.a.resident, world.item)
    db.session.commit()
    device = register(client, world.a.staff, world.a.community)
    urgent = press(client, device).get_json()["order_id"]
    newer = factories.order(world.a.community, world.a.resident, world.item)
    db.session.commit()

    listed = get_json(client, world.a.staff, "/staff/orders")["items"]
    assert [o["id"] for o in listed] == [urgent, newer.id, older.id]
    staff_client = sign_in(client, world.a.staff)
    assert row_ids(staff_client.get("/console/orders").get_data(as_text=True))[:1] == [urgent]

    staff, member = world.a.staff, world.a.member
    post(client, staff, f"/staff/orders/{urgent}/approve")
    post(client, staff, f"/staff/orders/{urgent}/dispatch", {"member_id": member.id})
    assert post(client, member, f"/member/orders/{urgent}/accept").status_code == 200
    listed = get_json(client, world.a.staff, "/staff/orders")["items"]
    assert [o["id"] for o in listed] == [newer.id, urgent, older.id]


def test_pages_of_the_ranked_list_hold_every_order_once(client, world):
    device = register(client, world.a.staff, world.a.community)
    for _ in range(3):
        factories.order(world.a.community, world.a.resident, world.item)
    db.session.commit()
    urgent = press(client, device).get_json()["order_id"]
    factories.order(world.a.community, world.a.resident, world.item)
    db.session.commit()

    bodies = pages(client, world.a.staff, "/staff/orders?limit=2")
    ids = [o["id"] for body in bodies for o in body["items"]]
    assert ids[0] == urgent and len(ids) == len(set(ids)) == 5


def test_staff_enter_an_order_for_a_resident_by_api(client, world):
    response = post(client, world.a.staff, "/staff/orders", hotline(world))

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["status"], body["source"]) == ("submitted", "desk")
    assert body["contact_phone"] == HOTLINE["contact_phone"]  # staff see it whole
    order = db.session.get(Order, body["id"])
    assert order.community_id == world.a.community.id  # the one community the staff manage
    offline = db.session.scalars(select(OfflineResident)).one()
    assert offline.user_id == order.resident_id


def test_the_api_may_approve_at_once_and_finds_the_resident_again(client, world):
    post(client, world.a.staff, "/staff/orders", hotline(world))
    again = post(client, world.a.staff, "/staff/orders", hotline(world, approve=True))

    assert again.get_json()["status"] == "approved"
    assert count_rows(OfflineResident) == 1


def test_the_apis_rules_are_the_consoles(client, world):
    users = count_rows(User)
    building_of_b = hotline(
        world, community_id=world.a.community.id, building_id=world.b.building.id
    )
    response = post(client, world.a.staff, "/staff/orders", building_of_b)
    assert_error(response, 422, "VALIDATION_ERROR")
    assert "building_id" in response.get_json()["error"]["details"]
    bad_phone = post(client, world.a.staff, "/staff/orders", hotline(world, contact_phone="123"))
    assert_error(bad_phone, 422, "VALIDATION_ERROR")
    assert count_rows(Order) == 0 and count_rows(User) == users


def test_a_street_admin_names_the_community(client, world):
    response = post(client, world.street_admin, "/staff/orders", hotline(world))
    assert_error(response, 422, "VALIDATION_ERROR")
    chosen = hotline(world, community_id=world.b.community.id)
    assert post(client, world.street_admin, "/staff/orders", chosen).status_code == 201


def test_the_secret_is_shown_at_registration_only(client, world):
    device = register(client, world.a.staff, world.a.community, serial="XH-77")

    assert len(device.secret) == 64
    stored = db.session.get(Device, device.id)
    assert device.secret not in stored.secret_encrypted
    listed = get_json(client, world.a.staff, "/staff/devices")["items"][0]
    assert listed["resident"] == HOUSEHOLD and "secret" not in listed


def test_a_serial_registered_twice_is_device_exists(client, world):
    register(client, world.a.staff, world.a.community, serial="XH-1")
    body = {"serial": "XH-1", "community_id": world.b.community.id, "resident": HOUSEHOLD}

    response = client.post(f"{API}/staff/devices", json=body, headers=auth(world.b.staff))

    assert_error(response, 409, "DEVICE_EXISTS")
    assert count_rows(Device) == 1
