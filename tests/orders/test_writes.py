"""The hot writes' Core statements (app.orders.state, app.orders.intake): a move checks the
caller's reach in its one UPDATE, and every event written carries its order's community."""

from __future__ import annotations

from sqlalchemy import select

from app.cache import tracking
from app.extensions import db
from app.orders.models import OrderEvent
from app.orders.models import OrderStatus as S
from app.orders.state import MOVES, Actor, Guard
from tests.helpers.api import assert_error, get, post
from tests.helpers.orders import create_order, event_count, seeded_order, stored_order


def test_the_moves_guards_hold_what_reach_leaves_to_them():
    """`access.reach` checks only the community in the UPDATE: a resident's move must be
    guarded by ownership, a member's by holding the order (or by nobody holding it, or by
    being one of the team it waits for)."""
    for action, move in MOVES.items():
        if move.actor is Actor.RESIDENT:
            assert move.guard is Guard.OWNER, action
        if move.actor is Actor.MEMBER:
            assert move.guard in (Guard.UNASSIGNED, Guard.ASSIGNEE, Guard.TEAM), action


def test_a_member_cannot_grab_another_communitys_published_order(client, world):
    order = seeded_order(world.b, world.item, S.PUBLISHED)
    assert_error(post(client, world.a.member, f"/member/orders/{order.id}/grab"), 404, "NOT_FOUND")
    stored = stored_order(order.id)
    assert (stored.status, stored.member_id, event_count(order.id)) == (S.PUBLISHED, None, 1)


def test_staff_cannot_approve_another_communitys_order(client, world):
    order = seeded_order(world.b, world.item)
    assert_error(post(client, world.a.staff, f"/staff/orders/{order.id}/approve"), 404, "NOT_FOUND")
    assert (stored_order(order.id).status, event_count(order.id)) == (S.SUBMITTED, 1)


def test_every_event_written_carries_its_orders_community(client, world):
    created = create_order(client, world.b.resident, world.b.community, world.item)
    order_id = created["id"]
    for path in ("approve", "publish"):
        assert post(client, world.b.staff, f"/staff/orders/{order_id}/{path}").status_code == 200
    grabbed = post(client, world.b.member, f"/member/orders/{order_id}/grab")
    assert grabbed.status_code == 200, grabbed.get_json()
    assert [entry["action"] for entry in grabbed.get_json()["timeline"]] == [
        "create",
        "approve",
        "publish",
        "grab",
    ]
    communities = db.session.scalars(
        select(OrderEvent.community_id).where(OrderEvent.order_id == order_id)
    ).all()
    assert communities == [world.b.community.id] * 4


def test_the_created_answer_is_the_stored_order(client, world):
    """The answer of POST /orders is written from the INSERT's row, not read back: it must
    equal what GET /orders/{id} shows."""
    created = create_order(client, world.a.resident, world.a.community, world.item)
    shown = get(client, world.a.resident, f"/orders/{created['id']}")
    assert shown.get_json() == created


def test_the_core_writes_are_noted_for_the_ready_answers(client, world, monkeypatch):
    """Past the session's `execute`, each write still names its table, so a ready answer
    built from it would be dropped after the commit (app.cache.tracking)."""
    committed: list[set[str]] = []

    def caches_of(touched: set[str]) -> set[str]:
        committed.append(set(touched))
        return set()

    monkeypatch.setattr(tracking, "caches_of", caches_of)
    headers = {"Idempotency-Key": "noted-1"}
    created = create_order(client, world.a.resident, world.a.community, world.item, headers)
    assert {"orders", "order_events", "idempotency_keys"} <= committed[-1]
    order = seeded_order(world.a, world.item, S.PUBLISHED)
    assert post(client, world.a.member, f"/member/orders/{order.id}/grab").status_code == 200
    assert {"orders", "order_events"} <= committed[-1]
    assert created["status"] == S.SUBMITTED
