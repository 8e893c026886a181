"""A team order taken by its members at once, on PostgreSQL: exactly one takes it."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.api import auth
from tests.helpers.concurrency import racing_app, run_together
from tests.helpers.orders import action_count, seeded_order, stored_order
from tests.helpers.teams import dispatch_team, team

pytestmark = pytest.mark.postgresql

THREADS = 10


@pytest.fixture
def race_app(app):
    with racing_app(THREADS) as second:
        yield second


@pytest.mark.parametrize("racers", [2, THREADS])
def test_a_team_order_taken_by_many_at_once_goes_to_exactly_one(race_app, client, world, racers):
    members = [world.a.member] + [factories.member(world.a.community) for _ in range(racers - 1)]
    db.session.commit()
    squad = team(world.a.community, members)
    order = seeded_order(world.a, world.item, S.APPROVED)
    assert dispatch_team(client, world.a.staff, order.id, squad.id).status_code == 200

    results = run_together(
        race_app, [(f"/member/orders/{order.id}/take", auth(m), None) for m in members]
    )

    winners = [i for i, (status, _) in enumerate(results) if status == 200]
    assert len(winners) == 1, results
    codes = [body["error"]["code"] for status, body in results if status != 200]
    assert codes == ["ORDER_ALREADY_TAKEN"] * (racers - 1)
    taken = stored_order(order.id)
    assert taken.status == S.ACCEPTED and taken.member_id == members[winners[0]].id
    assert action_count(order.id, "take") == 1


def test_a_take_against_a_reassignment_has_one_outcome(race_app, client, world):
    other = factories.member(world.a.community)
    db.session.commit()
    squad = team(world.a.community, [world.a.member])
    order = seeded_order(world.a, world.item, S.APPROVED)
    assert dispatch_team(client, world.a.staff, order.id, squad.id).status_code == 200

    results = run_together(
        race_app,
        [
            (f"/member/orders/{order.id}/take", auth(world.a.member), None),
            (f"/staff/orders/{order.id}/reassign", auth(world.a.staff), {"member_id": other.id}),
        ],
    )

    statuses = sorted(status for status, _ in results)
    assert statuses in ([200, 404], [200, 409]), results
    final = stored_order(order.id)
    if results[0][0] == 200:
        assert (final.status, final.member_id) == (S.ACCEPTED, world.a.member.id)
    else:
        assert (final.status, final.member_id, final.team_id) == (S.DISPATCHED, other.id, None)
    assert action_count(order.id, "take") + action_count(order.id, "reassign") == 1
