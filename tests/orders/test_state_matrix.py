"""The contract's table of moves: every move it does not list is 409 ORDER_STATE_CONFLICT
and changes nothing; every move it lists succeeds from a status where it is allowed."""

import pytest

from app.orders.models import OrderStatus as S
from app.orders.state import MOVES, allowed_actions
from tests.helpers.api import assert_error, post
from tests.helpers.orders import event_count, seeded_order, stored_order

# The contract's table, written out again here, independently of app.orders.state.
CONTRACT_MOVES = {
    S.SUBMITTED: {"approve": S.APPROVED, "reject": S.REJECTED, "cancel": S.CANCELLED},
    S.APPROVED: {
        "dispatch": S.DISPATCHED,
        "publish": S.PUBLISHED,
        "reject": S.REJECTED,
        "cancel": S.CANCELLED,
    },
    S.DISPATCHED: {"accept": S.ACCEPTED},
    S.PUBLISHED: {"grab": S.ACCEPTED, "dispatch": S.DISPATCHED, "cancel": S.CANCELLED},
    S.ACCEPTED: {"start": S.IN_PROGRESS, "complete": S.COMPLETED},
    S.IN_PROGRESS: {"complete": S.COMPLETED},
    S.COMPLETED: {"rate": S.RATED},
    S.RATED: {},
    S.REJECTED: {},
    S.CANCELLED: {},
}
ACTIONS = [
    "approve",
    "reject",
    "dispatch",
    "publish",
    "cancel",
    "grab",
    "accept",
    "start",
    "complete",
    "rate",
]

STATUSES = list(CONTRACT_MOVES)


def _request(world, action: str, order_id: int):
    """(user, path, body) that performs `action` on the order, by the right actor."""
    a = world.a
    staff = {
        "approve": None,
        "reject": {"reason": "信息不全"},
        "dispatch": {"member_id": a.member.id},
        "publish": None,
    }
    member = {
        "grab": None,
        "accept": None,
        "start": None,
        "complete": {"note": "已完成", "photos": []},
    }
    if action in staff:
        return a.staff, f"/staff/orders/{order_id}/{action}", staff[action]
    if action in member:
        return a.member, f"/member/orders/{order_id}/{action}", member[action]
    path = "rating" if action == "rate" else "cancel"
    return a.resident, f"/orders/{order_id}/{path}", {"stars": 4} if action == "rate" else None


@pytest.mark.parametrize("status", STATUSES)
def test_move_not_in_the_contract_is_a_state_conflict(client, world, status):
    forbidden = [action for action in ACTIONS if action not in CONTRACT_MOVES[status]]
    for action in forbidden:
        order = seeded_order(world.a, world.item, status)
        before = (order.status, order.member_id, event_count(order.id))
        user, path, body = _request(world, action, order.id)
        assert_error(post(client, user, path, body), 409, "ORDER_STATE_CONFLICT")
        after = stored_order(order.id)
        assert (after.status, after.member_id, event_count(order.id)) == before, action
        assert after.reject_reason is None and after.stars is None, action


@pytest.mark.parametrize("status", [s for s in STATUSES if CONTRACT_MOVES[s]])
def test_move_in_the_contract_succeeds_and_is_recorded(client, world, status):
    for action, to in CONTRACT_MOVES[status].items():
        order = seeded_order(world.a, world.item, status)
        user, path, body = _request(world, action, order.id)
        response = post(client, user, path, body)
        assert response.status_code == 200, (action, response.get_json())
        assert response.get_json()["status"] == to, action
        last = response.get_json()["timeline"][-1]
        assert (last["action"], last["from_status"], last["status"], last["actor_id"]) == (
            action,
            status,
            to,
            user.id,
        )
        assert stored_order(order.id).status == to, action
        assert event_count(order.id) == 2, action


def test_the_state_table_holds_the_contracts_moves():
    for status, moves in CONTRACT_MOVES.items():
        assert allowed_actions(status) & set(ACTIONS) == set(moves), status
        for action, to in moves.items():
            assert MOVES[action].to_status == to, action
