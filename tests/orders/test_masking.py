"""The resident's phone: full for the resident, the community's staff and the member who
has accepted the order; masked (138****1234) for everyone else who may see the order."""

import pytest

from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.api import get, get_json, post
from tests.helpers.orders import MASKED_PHONE, PHONE, seeded_order


def _phone(client, user, order_id: int) -> str:
    return get_json(client, user, f"/orders/{order_id}")["contact_phone"]


def test_resident_staff_and_street_admin_see_the_full_phone(client, world):
    order = seeded_order(world.a, world.item, S.SUBMITTED)
    for user in (world.a.resident, world.a.staff, world.street_admin):
        assert _phone(client, user, order.id) == PHONE
    queue = get(client, world.a.staff, "/staff/orders").get_json()
    mine = get(client, world.a.resident, "/my/orders").get_json()
    assert queue["items"][0]["contact_phone"] == mine["items"][0]["contact_phone"] == PHONE


def test_pool_members_see_it_masked(client, world):
    seeded_order(world.a, world.item, S.PUBLISHED)
    other = factories.member(world.a.community)
    db.session.commit()
    for member in (world.a.member, other):
        pool = get(client, member, "/member/pool").get_json()
        assert [o["contact_phone"] for o in pool["items"]] == [MASKED_PHONE]
        assert pool["items"][0]["description"]


def test_dispatched_member_sees_it_masked_until_accepting(client, world):
    order = seeded_order(world.a, world.item, S.DISPATCHED)
    assert _phone(client, world.a.member, order.id) == MASKED_PHONE
    accepted = post(client, world.a.member, f"/member/orders/{order.id}/accept").get_json()
    assert accepted["contact_phone"] == PHONE
    assert _phone(client, world.a.member, order.id) == PHONE


@pytest.mark.parametrize("status", [S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED, S.RATED])
def test_member_who_accepted_sees_the_full_phone(client, world, status):
    order = seeded_order(world.a, world.item, status)
    assert _phone(client, world.a.member, order.id) == PHONE
    jobs = get(client, world.a.member, "/member/orders").get_json()
    assert jobs["items"][0]["contact_phone"] == PHONE


def test_grab_winner_sees_the_full_phone(client, world):
    order = seeded_order(world.a, world.item, S.PUBLISHED)
    grabbed = post(client, world.a.member, f"/member/orders/{order.id}/grab").get_json()
    assert grabbed["contact_phone"] == PHONE
