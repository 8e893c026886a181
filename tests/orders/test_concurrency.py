"""Races settled by PostgreSQL: real threads, each with its own app context, session and
connection, released together by a barrier."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.orders.models import IdempotencyKey
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.api import auth
from tests.helpers.concurrency import racing_app, run_together
from tests.helpers.db import count_rows
from tests.helpers.orders import (
    action_count,
    assert_completed_once,
    order_body,
    order_count,
    seeded_order,
    stored_order,
)

pytestmark = pytest.mark.postgresql

THREADS = 20


@pytest.fixture
def race_app(app):
    with racing_app(THREADS) as second:
        yield second


def test_twenty_members_grab_one_order_and_exactly_one_wins(race_app, world):
    members = [world.a.member] + [factories.member(world.a.community) for _ in range(THREADS - 1)]
    db.session.commit()
    order = seeded_order(world.a, world.item, S.PUBLISHED)
    ids = [m.id for m in members]
    results = run_together(
        race_app, [(f"/member/orders/{order.id}/grab", auth(m), None) for m in members]
    )

    winners = [i for i, (status, _) in enumerate(results) if status == 200]
    assert len(winners) == 1, results
    losers = [body["error"]["code"] for status, body in results if status != 200]
    assert [status for status, _ in results].count(409) == THREADS - 1
    assert losers == ["ORDER_ALREADY_TAKEN"] * (THREADS - 1)
    stored = stored_order(order.id)
    assert stored.status == S.ACCEPTED and stored.member_id == ids[winners[0]]
    assert results[winners[0]][1]["member_id"] == ids[winners[0]]
    assert action_count(order.id, "grab") == 1


def test_two_creates_with_one_key_make_one_order(race_app, world):
    headers = auth(world.a.resident)
    for round_no in range(5):
        body = order_body(world.a.community, world.item, description=f"第{round_no}次")
        request = ("/orders", {**headers, "Idempotency-Key": f"race-{round_no}"}, body)
        results = run_together(race_app, [request, request])
        assert [status for status, _ in results] == [201, 201], results
        assert results[0][1]["id"] == results[1][1]["id"]
        assert order_count() == round_no + 1
    assert count_rows(IdempotencyKey) == 5


def test_completion_sent_twice_at_once_credits_once(race_app, world):
    for _ in range(3):
        order = seeded_order(world.a, world.item, S.IN_PROGRESS)
        request = (f"/member/orders/{order.id}/complete", auth(world.a.member), {"note": "完成"})
        results = run_together(race_app, [request, request])
        assert_completed_once(order.id, results, world.item.points)


def test_grab_against_dispatch_has_one_outcome(race_app, world):
    order = seeded_order(world.a, world.item, S.PUBLISHED)
    other = factories.member(world.a.community)
    db.session.commit()
    results = run_together(
        race_app,
        [
            (f"/member/orders/{order.id}/grab", auth(world.a.member), None),
            (f"/staff/orders/{order.id}/dispatch", auth(world.a.staff), {"member_id": other.id}),
        ],
    )
    assert sorted(status for status, _ in results) == [200, 409], results
    stored = stored_order(order.id)
    assert stored.status in (S.ACCEPTED, S.DISPATCHED)
    assert stored.member_id == (world.a.member.id if stored.status == S.ACCEPTED else other.id)
    loser = next(body for status, body in results if status == 409)
    assert loser["error"]["code"] in ("ORDER_STATE_CONFLICT", "ORDER_ALREADY_TAKEN")
