"""Who may call what, over two communities: 401 without a token, 403 for a wrong role, 404
for an order of another resident or another community, and nothing changes."""
import pytest

from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.api import API, assert_error, auth, post
from tests.helpers.orders import event_count, seeded_order, stored_order

VIEW, RESIDENT, STAFF, MEMBER = "view", "resident", "staff", "member"

# (method, path under /orders/{id}, body, audience); a body that would be valid elsewhere.
ROUTES = [
    ("get", "/orders/{id}", None, VIEW),
    ("post", "/orders/{id}/cancel", None, RESIDENT),
    ("post", "/orders/{id}/rating", {"stars": 5}, RESIDENT),
    ("post", "/staff/orders/{id}/approve", None, STAFF),
    ("post", "/staff/orders/{id}/reject", {"reason": "重复提交"}, STAFF),
    ("post", "/staff/orders/{id}/dispatch", {"member_id": "<b.member>"}, STAFF),
    ("post", "/staff/orders/{id}/publish", None, STAFF),
    ("post", "/staff/orders/{id}/recall", None, STAFF),
    ("post", "/staff/orders/{id}/reassign", {"member_id": "<b.member>"}, STAFF),
    ("post", "/member/orders/{id}/grab", None, MEMBER),
    ("post", "/member/orders/{id}/accept", None, MEMBER),
    ("post", "/member/orders/{id}/start", None, MEMBER),
    ("post", "/member/orders/{id}/complete", {"note": "完成"}, MEMBER),
]

# What each caller gets on an order of community demo-b, by the route's audience.
# a.member is a member of demo-a and, like every WeChat user, a resident.
EXPECTED = {
    "a.staff": {VIEW: 404, RESIDENT: 403, STAFF: 404, MEMBER: 403},
    "a.resident": {VIEW: 404, RESIDENT: 404, STAFF: 403, MEMBER: 403},
    "a.member": {VIEW: 404, RESIDENT: 404, STAFF: 403, MEMBER: 404},
    "b.member_not_owner": {RESIDENT: 404},
    "b.resident": {STAFF: 403, MEMBER: 403},
    "street_admin": {RESIDENT: 403, MEMBER: 403},
}
CODES = {401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND"}


def _user(world, name):
    return {"a.staff": world.a.staff, "a.resident": world.a.resident,
            "a.member": world.a.member, "b.member_not_owner": world.b.member,
            "b.resident": world.b.resident, "street_admin": world.street_admin}[name]


def _body(world, body):
    if body and body.get("member_id") == "<b.member>":
        return {"member_id": world.b.member.id}
    return body


@pytest.mark.parametrize("caller", list(EXPECTED))
def test_caller_outside_the_orders_reach(client, world, caller):
    # held by b.member, so that member routes are not refused for the holder's sake
    order = seeded_order(world.b, world.item, S.ACCEPTED)
    headers = auth(_user(world, caller))
    for method, path, body, audience in ROUTES:
        if audience not in EXPECTED[caller]:
            continue
        response = getattr(client, method)(API + path.format(id=order.id),
                                           json=_body(world, body), headers=headers)
        status = EXPECTED[caller][audience]
        assert response.status_code == status, (path, response.get_json())
        assert response.get_json()["error"]["code"] == CODES[status], path
    assert (event_count(order.id), stored_order(order.id).status) == (1, S.ACCEPTED)


def test_no_token_or_a_bad_one_is_401(client, world):
    order = seeded_order(world.b, world.item)
    for method, path, body, _ in ROUTES:
        url = API + path.format(id=order.id)
        for headers in ({}, {"Authorization": "Bearer forged.token"},
                        {"Authorization": auth(world.b.staff)["Authorization"][7:]}):
            response = getattr(client, method)(url, json=_body(world, body), headers=headers)
            assert response.status_code == 401, (path, headers)
            assert response.get_json()["error"]["code"] == "UNAUTHORIZED"
    assert stored_order(order.id).status == S.SUBMITTED


def test_not_found_wins_over_invalid_input(client, world):
    order = seeded_order(world.b, world.item, S.ACCEPTED)
    cases = [(world.a.staff, "/staff/orders/{id}/reject", {}),
             (world.a.staff, "/staff/orders/{id}/dispatch", {"member_id": "x"}),
             (world.a.staff, "/staff/orders/{id}/reassign", None),
             (world.a.resident, "/orders/{id}/rating", {"stars": 9}),
             (world.a.member, "/member/orders/{id}/complete", {"photos": 1})]
    for user, path, body in cases:
        assert_error(post(client, user, path.format(id=order.id), body), 404, "NOT_FOUND")


def test_member_of_the_same_community_cannot_reach_another_members_job(client, world):
    colleague = factories.member(world.a.community)
    db.session.commit()
    order = seeded_order(world.a, world.item, S.ACCEPTED)  # held by world.a.member
    for action in ("accept", "start", "complete"):
        assert_error(post(client, colleague, f"/member/orders/{order.id}/{action}"), 404,
                     "NOT_FOUND")
    assert_error(client.get(f"{API}/orders/{order.id}", headers=auth(colleague)), 404,
                 "NOT_FOUND")
    # a grab of it is the contract's ORDER_ALREADY_TAKEN
    assert_error(post(client, colleague, f"/member/orders/{order.id}/grab"), 409,
                 "ORDER_ALREADY_TAKEN")


def test_list_roles(client, world):
    for path in ["/staff/orders", "/member/pool", "/member/orders", "/my/orders"]:
        assert_error(client.get(API + path), 401, "UNAUTHORIZED")
        wrong = world.a.staff if path == "/my/orders" else world.a.resident
        assert_error(client.get(API + path, headers=auth(wrong)), 403, "FORBIDDEN")


def test_plain_resident_cannot_create_as_staff_only_account(client, world):
    response = client.post(f"{API}/orders", json={}, headers=auth(world.a.staff))
    assert_error(response, 403, "FORBIDDEN")
    assert_error(client.post(f"{API}/orders", json={}), 401, "UNAUTHORIZED")


def test_street_admin_sees_and_moves_orders_of_both_communities(client, world):
    admin = world.street_admin
    for side in (world.a, world.b):
        order = seeded_order(side, world.item, S.SUBMITTED)
        assert client.get(f"{API}/orders/{order.id}", headers=auth(admin)).status_code == 200
        steps = [("approve", None, "approved"), ("publish", None, "published"),
                 ("recall", None, "approved"),
                 ("dispatch", {"member_id": side.member.id}, "dispatched"),
                 ("reassign", {"member_id": side.member.id}, "dispatched")]
        for action, body, status in steps:
            response = post(client, admin, f"/staff/orders/{order.id}/{action}", body)
            assert response.status_code == 200, (action, response.get_json())
            assert response.get_json()["status"] == status
        other = seeded_order(side, world.item, S.APPROVED)
        rejected = post(client, admin, f"/staff/orders/{other.id}/reject", {"reason": "重复"})
        assert rejected.get_json()["status"] == "rejected"


def test_street_admin_cannot_dispatch_across_communities(client, world):
    order = seeded_order(world.a, world.item, S.APPROVED)
    response = post(client, world.street_admin, f"/staff/orders/{order.id}/dispatch",
                    {"member_id": world.b.member.id})
    assert "member_id" in assert_error(response, 422, "VALIDATION_ERROR")["details"]


def test_the_community_sides_see_their_own_order(client, world):
    order = seeded_order(world.b, world.item, S.ACCEPTED)
    for user in (world.b.resident, world.b.staff, world.b.member, world.street_admin):
        response = client.get(f"{API}/orders/{order.id}", headers=auth(user))
        assert response.status_code == 200
        body = response.get_json()
        assert (body["id"], body["community_id"], body["status"]) == (
            order.id, world.b.community.id, S.ACCEPTED)
