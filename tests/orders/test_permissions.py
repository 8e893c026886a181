"""Who may call what, over two communities: 401 without a token, 403 for a wrong role, 404
for an order of another resident or another community, and nothing changes."""

import pytest

from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.api import assert_error, get, post
from tests.helpers.orders import event_count, seeded_order, stored_order
from tests.helpers.permissions import Case, check, matrix

VIEW, RESIDENT, STAFF, MEMBER = "view", "resident", "staff", "member"

# (method, path, body, audience); a body that would be valid elsewhere.
ROUTES = [
    ("get", "/orders/{order}", None, VIEW),
    ("post", "/orders/{order}/cancel", None, RESIDENT),
    ("post", "/orders/{order}/rating", {"stars": 5}, RESIDENT),
    ("post", "/staff/orders/{order}/approve", None, STAFF),
    ("post", "/staff/orders/{order}/reject", {"reason": "重复提交"}, STAFF),
    ("post", "/staff/orders/{order}/dispatch", {"member_id": "<b.member>"}, STAFF),
    ("post", "/staff/orders/{order}/publish", None, STAFF),
    ("post", "/staff/orders/{order}/recall", None, STAFF),
    ("post", "/staff/orders/{order}/reassign", {"member_id": "<b.member>"}, STAFF),
    ("post", "/member/orders/{order}/grab", None, MEMBER),
    ("post", "/member/orders/{order}/accept", None, MEMBER),
    ("post", "/member/orders/{order}/start", None, MEMBER),
    ("post", "/member/orders/{order}/complete", {"note": "完成"}, MEMBER),
]

# What each caller gets on an order of community demo-b, by the route's audience.
# a.member is a member of demo-a and, like every WeChat user, a resident; b.member holds the
# order but is not its resident.
EXPECTED = {
    "a.staff": {VIEW: 404, RESIDENT: 403, STAFF: 404, MEMBER: 403},
    "a.resident": {VIEW: 404, RESIDENT: 404, STAFF: 403, MEMBER: 403},
    "a.member": {VIEW: 404, RESIDENT: 404, STAFF: 403, MEMBER: 404},
    "b.member": {RESIDENT: 404},
    "b.resident": {STAFF: 403, MEMBER: 403},
    "street_admin": {RESIDENT: 403, MEMBER: 403},
}
OUTSIDE_THE_REACH = [
    Case(who, method, path, by_audience[audience], body=body)
    for who, by_audience in EXPECTED.items()
    for method, path, body, audience in ROUTES
    if audience in by_audience
]
NOT_FOUND_BEFORE_INVALID_INPUT = [
    Case("a.staff", "post", "/staff/orders/{order}/reject", 404, body={}),
    Case("a.staff", "post", "/staff/orders/{order}/dispatch", 404, body={"member_id": "x"}),
    Case("a.staff", "post", "/staff/orders/{order}/reassign", 404),
    Case("a.resident", "post", "/orders/{order}/rating", 404, body={"stars": 9}),
    Case("a.member", "post", "/member/orders/{order}/complete", 404, body={"photos": 1}),
]
NO_GOOD_TOKEN = [
    Case(who, method, path, 401, body=body)
    for who in ("anonymous", "forged token", "token without Bearer")
    for method, path, body, _ in ROUTES
]
LISTS_AND_CREATE = [
    *[
        Case(who, "get", path, status)
        for path, wrong in [
            ("/staff/orders", "a.resident"),
            ("/member/pool", "a.resident"),
            ("/member/orders", "a.resident"),
            ("/my/orders", "a.staff"),
        ]
        for who, status in (("anonymous", 401), (wrong, 403))
    ],
    Case("a.staff", "post", "/orders", 403, body={}),
    Case("anonymous", "post", "/orders", 401, body={}),
]


@pytest.fixture
def accepted_b(world):
    """demo-b's order held by b.member, so that member routes are not refused for the
    holder's sake."""
    return seeded_order(world.b, world.item, S.ACCEPTED)


@matrix(OUTSIDE_THE_REACH + NOT_FOUND_BEFORE_INVALID_INPUT)
def test_caller_outside_the_orders_reach(client, world, accepted_b, case):
    check(client, world, case, order=accepted_b.id)
    assert (event_count(accepted_b.id), stored_order(accepted_b.id).status) == (1, S.ACCEPTED)


@matrix(NO_GOOD_TOKEN)
def test_no_token_or_a_bad_one_is_401(client, world, case):
    order = seeded_order(world.b, world.item)
    check(client, world, case, order=order.id)
    assert stored_order(order.id).status == S.SUBMITTED


@matrix(LISTS_AND_CREATE)
def test_lists_and_create_need_a_token_and_the_role(client, world, case):
    check(client, world, case)


def test_member_of_the_same_community_cannot_reach_another_members_job(client, world):
    colleague = factories.member(world.a.community)
    db.session.commit()
    order = seeded_order(world.a, world.item, S.ACCEPTED)  # held by world.a.member
    for action in ("accept", "start", "complete"):
        assert_error(
            post(client, colleague, f"/member/orders/{order.id}/{action}"), 404, "NOT_FOUND"
        )
    assert_error(get(client, colleague, f"/orders/{order.id}"), 404, "NOT_FOUND")
    # a grab of it is the contract's ORDER_ALREADY_TAKEN
    assert_error(
        post(client, colleague, f"/member/orders/{order.id}/grab"), 409, "ORDER_ALREADY_TAKEN"
    )


def test_street_admin_sees_and_moves_orders_of_both_communities(client, world):
    admin = world.street_admin
    for side in (world.a, world.b):
        order = seeded_order(side, world.item, S.SUBMITTED)
        assert get(client, admin, f"/orders/{order.id}").status_code == 200
        steps = [
            ("approve", None, "approved"),
            ("publish", None, "published"),
            ("recall", None, "approved"),
            ("dispatch", {"member_id": side.member.id}, "dispatched"),
            ("reassign", {"member_id": side.member.id}, "dispatched"),
        ]
        for action, body, status in steps:
            response = post(client, admin, f"/staff/orders/{order.id}/{action}", body)
            assert response.status_code == 200, (action, response.get_json())
            assert response.get_json()["status"] == status
        other = seeded_order(side, world.item, S.APPROVED)
        rejected = post(client, admin, f"/staff/orders/{other.id}/reject", {"reason": "重复"})
        assert rejected.get_json()["status"] == "rejected"


def test_street_admin_cannot_dispatch_across_communities(client, world):
    order = seeded_order(world.a, world.item, S.APPROVED)
    response = post(
        client,
        world.street_admin,
        f"/staff/orders/{order.id}/dispatch",
        {"member_id": world.b.member.id},
    )
    assert "member_id" in assert_error(response, 422, "VALIDATION_ERROR")["details"]


def test_the_community_sides_see_their_own_order(client, world):
    order = seeded_order(world.b, world.item, S.ACCEPTED)
    for user in (world.b.resident, world.b.staff, world.b.member, world.street_admin):
        response = get(client, user, f"/orders/{order.id}")
        assert response.status_code == 200
        body = response.get_json()
        assert (body["id"], body["community_id"], body["status"]) == (
            order.id,
            world.b.community.id,
            S.ACCEPTED,
        )
