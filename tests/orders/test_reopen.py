"""重新办理 (reopen): after a follow-up call that found the resident unsatisfied, staff send a
completed or rated order back to 待派单 for a new service round; each round's completion
credits its member once, and the first member keeps what was credited."""

import pytest

from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.api import API, assert_error, auth, get_json, post
from tests.helpers.orders import event_count, ledger, seeded_order, snapshot, stored_order

REASON = "居民反映水管仍在渗漏"


def follow_up(client, staff, order_id, reached=True, satisfied=False):
    body = {"reached": reached, "satisfied": satisfied if reached else None}
    response = post(client, staff, f"/staff/orders/{order_id}/follow-ups", body)
    assert response.status_code == 201, response.get_json()


def reopen(client, user, order_id, body=None):
    return post(client, user, f"/staff/orders/{order_id}/reopen", body or {"reason": REASON})


def unsatisfied_order(client, world, status=S.RATED):
    order = seeded_order(world.a, world.item, status)
    follow_up(client, world.a.staff, order.id)
    return order


@pytest.mark.parametrize("status", [S.COMPLETED, S.RATED])
def test_reopen_after_an_unsatisfied_follow_up(client, world, status):
    order = unsatisfied_order(client, world, status)
    response = reopen(client, world.a.staff, order.id)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["status"], body["status_label"], body["member_id"]) == ("approved", "待派单", None)
    assert (body["stars"], body["comment"], body["completion_note"]) == (None, None, None)
    last = body["timeline"][-1]
    assert (last["action"], last["from_status"], last["status"], last["note"]) == (
        "reopen",
        status,
        "approved",
        REASON,
    )
    assert last["actor_id"] == world.a.staff.id
    stored = stored_order(order.id)
    assert (stored.status, stored.member_id, stored.service_round) == (S.APPROVED, None, 1)
    seen = get_json(client, world.a.resident, f"/orders/{order.id}")["timeline"][-1]
    assert (seen["action"], seen["note"], seen["actor_id"]) == ("reopen", REASON, None)


def test_reopen_without_a_follow_up_is_refused(client, world):
    order = seeded_order(world.a, world.item, S.COMPLETED)
    before = snapshot(order.id)
    error = assert_error(reopen(client, world.a.staff, order.id), 409, "REOPEN_NEEDS_FOLLOW_UP")
    assert error["details"]["status"] == "completed"
    assert snapshot(order.id) == before


@pytest.mark.parametrize("reached, satisfied", [(True, True), (False, None)])
def test_reopen_after_a_satisfied_or_unreached_follow_up_is_refused(
    client, world, reached, satisfied
):
    order = seeded_order(world.a, world.item, S.RATED)
    follow_up(client, world.a.staff, order.id)  # unsatisfied first,
    follow_up(client, world.a.staff, order.id, reached, satisfied)  # but the latest counts
    before = snapshot(order.id)
    assert_error(reopen(client, world.a.staff, order.id), 409, "REOPEN_NEEDS_FOLLOW_UP")
    assert snapshot(order.id) == before


@pytest.mark.parametrize(
    "status", [S.SUBMITTED, S.APPROVED, S.DISPATCHED, S.ACCEPTED, S.CLOSED, S.CANCELLED]
)
def test_reopen_in_another_status_is_a_state_conflict(client, world, status):
    order = seeded_order(world.a, world.item, status)
    error = assert_error(reopen(client, world.a.staff, order.id), 409, "ORDER_STATE_CONFLICT")
    assert error["details"]["status"] == status
    assert event_count(order.id) == 1


def test_a_follow_up_of_the_previous_round_does_not_reopen_again(client, world):
    order = unsatisfied_order(client, world, S.COMPLETED)
    assert reopen(client, world.a.staff, order.id).status_code == 200
    _serve(client, world, order.id, world.a.member)
    assert_error(reopen(client, world.a.staff, order.id), 409, "REOPEN_NEEDS_FOLLOW_UP")
    follow_up(client, world.a.staff, order.id)
    assert reopen(client, world.a.staff, order.id).status_code == 200
    assert stored_order(order.id).service_round == 2


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "reason"),
        ({"reason": ""}, "reason"),
        ({"reason": "   "}, "reason"),
        ({"reason": "长" * 201}, "reason"),
        ({"reason": "坏\x07"}, "reason"),
        ({"reason": 5}, "reason"),
    ],
)
def test_bad_reason_is_422_and_writes_nothing(client, world, body, field):
    order = unsatisfied_order(client, world)
    before = snapshot(order.id)
    response = post(client, world.a.staff, f"/staff/orders/{order.id}/reopen", body)
    assert field in assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert snapshot(order.id) == before


def test_who_may_reopen(client, world):
    order = unsatisfied_order(client, world)
    path = f"{API}/staff/orders/{order.id}/reopen"
    for body in ({"reason": REASON}, {"reason": ""}):  # 404 and 403 come before 422
        response = client.post(path, json=body, headers=auth(world.b.staff))
        assert_error(response, 404, "NOT_FOUND")
        for user in (world.a.resident, world.a.member):
            assert_error(client.post(path, json=body, headers=auth(user)), 403, "FORBIDDEN")
        assert_error(client.post(path, json=body), 401, "UNAUTHORIZED")
    assert_error(reopen(client, world.a.staff, 2**31 - 1), 404, "NOT_FOUND")
    assert stored_order(order.id).status == S.RATED
    assert reopen(client, world.street_admin, order.id).get_json()["status"] == "approved"


def _serve(client, world, order_id, member):
    """Dispatch to `member`, who accepts and completes the order."""
    staff = world.a.staff
    moves = [
        (staff, "staff/orders", "dispatch", {"member_id": member.id}),
        (member, "member/orders", "accept", None),
        (member, "member/orders", "complete", {"note": "已修好"}),
    ]
    for user, prefix, action, body in moves:
        response = post(client, user, f"/{prefix}/{order_id}/{action}", body)
        assert response.status_code == 200, (action, response.get_json())


def test_each_round_credits_its_member_once(client, world):
    first, points = world.a.member, world.item.points
    second = factories.member(world.a.community)
    db.session.commit()
    order = seeded_order(world.a, world.item, S.APPROVED)
    _serve(client, world, order.id, first)
    follow_up(client, world.a.staff, order.id)
    assert reopen(client, world.a.staff, order.id).status_code == 200
    assert get_json(client, first, "/member/points")["balance"] == points  # kept
    _serve(client, world, order.id, second)
    credited = sorted(
        (entry.member_id, entry.delta, entry.service_round) for entry in ledger(order.id)
    )
    assert credited == sorted([(first.id, points, 0), (second.id, points, 1)])
    assert get_json(client, second, "/member/points")["balance"] == points
    again = post(client, second, f"/member/orders/{order.id}/complete", {"note": "再次"})
    assert_error(again, 409, "ORDER_STATE_CONFLICT")
    assert len(ledger(order.id)) == 2


def test_the_first_member_no_longer_sees_the_reopened_order(client, world):
    order = unsatisfied_order(client, world)
    assert reopen(client, world.a.staff, order.id).status_code == 200
    response = client.get(f"{API}/orders/{order.id}", headers=auth(world.a.member))
    assert_error(response, 404, "NOT_FOUND")
