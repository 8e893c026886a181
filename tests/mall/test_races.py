"""Races of the mall settled by PostgreSQL: real threads, each with its own app context,
session and connection, released together by a barrier."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.mall.models import Redemption
from app.points.models import PointsEntry
from tests.helpers import factories
from tests.helpers.api import auth
from tests.helpers.concurrency import racing_app, run_together
from tests.helpers.db import count_rows
from tests.helpers.ledger import assert_ledger_holds, stored_balance
from tests.helpers.mall import give_points, redeem, reward, status_of, stock_of

pytestmark = pytest.mark.postgresql

THREADS = 30


@pytest.fixture
def race_app(app):
    with racing_app(THREADS) as second:
        yield second


def codes(results) -> list[str]:
    return sorted(body["error"]["code"] for status, body in results if status != 201)


def test_thirty_redemptions_race_for_a_stock_of_five(race_app, world):
    users = [factories.member(world.a.community) for _ in range(THREADS)]
    db.session.commit()
    for user in users:
        give_points(user, 10)
    offered = reward(world.a.community, points=10, stock=5)
    path = f"/mall/rewards/{offered.id}/redeem"
    results = run_together(race_app, [(path, auth(u), None) for u in users])

    assert [status for status, _ in results].count(201) == 5, results
    assert codes(results) == ["OUT_OF_STOCK"] * (THREADS - 5)
    assert stock_of(offered.id) == 0
    assert count_rows(Redemption) == 5
    assert_ledger_holds(*(u.id for u in users))
    spent = [u for u in users if stored_balance(u.id) == 0]
    assert len(spent) == 5


def test_one_member_fires_ten_redemptions_with_points_for_two(race_app, world):
    member = world.a.member
    give_points(member, 20)
    offered = reward(world.a.community, points=10, stock=100)
    path = f"/mall/rewards/{offered.id}/redeem"
    results = run_together(race_app, [(path, auth(member), None)] * 10)

    assert [status for status, _ in results].count(201) == 2, results
    assert codes(results) == ["INSUFFICIENT_POINTS"] * 8
    assert stored_balance(member.id) == 0
    assert stock_of(offered.id) == 98
    assert count_rows(PointsEntry, PointsEntry.reason == "redemption") == 2
    assert_ledger_holds(member.id)


def test_one_member_racing_the_per_person_limit(race_app, world):
    member = world.a.member
    give_points(member, 1000)
    offered = reward(world.a.community, points=10, stock=100, per_person_limit=3)
    path = f"/mall/rewards/{offered.id}/redeem"
    results = run_together(race_app, [(path, auth(member), None)] * 10)

    assert [status for status, _ in results].count(201) == 3, results
    assert codes(results) == ["REDEMPTION_LIMIT_REACHED"] * 7
    assert stock_of(offered.id) == 97 and stored_balance(member.id) == 970
    assert_ledger_holds(member.id)


def test_one_key_sent_five_times_at_once_redeems_once(race_app, world):
    member = world.a.member
    give_points(member, 10)
    offered = reward(world.a.community, points=10, stock=1)
    headers = {**auth(member), "Idempotency-Key": "race-1"}
    results = run_together(race_app, [(f"/mall/rewards/{offered.id}/redeem", headers, None)] * 5)

    assert [status for status, _ in results] == [201] * 5, results
    assert len({body["id"] for _, body in results}) == 1
    assert count_rows(Redemption) == 1 and stock_of(offered.id) == 0
    assert stored_balance(member.id) == 0
    assert_ledger_holds(member.id)


def test_a_verification_sent_twice_at_once(race_app, client, world):
    redemption = _one_redemption(client, world)
    body = {"code": redemption["code"]}
    staff = auth(world.a.staff)
    results = run_together(race_app, [("/staff/redemptions/verify", staff, body)] * 2)

    statuses = sorted(status for status, _ in results)
    assert statuses == [200, 409], results
    assert codes_of(results) == ["REDEMPTION_STATE_CONFLICT"]
    assert status_of(redemption["id"]) == "fulfilled"


def test_cancel_racing_verify_exactly_one_wins(race_app, client, world):
    for _ in range(5):
        redemption = _one_redemption(client, world)
        results = run_together(
            race_app,
            [
                (f"/my/redemptions/{redemption['id']}/cancel", auth(world.a.member), None),
                ("/staff/redemptions/verify", auth(world.a.staff), {"code": redemption["code"]}),
            ],
        )
        statuses = sorted(status for status, _ in results)
        assert statuses == [200, 409], results
        final = status_of(redemption["id"])
        winner = "cancelled" if results[0][0] == 200 else "fulfilled"
        assert final == winner
        assert_ledger_holds(world.a.member.id)


def _one_redemption(client, world) -> dict:
    give_points(world.a.member, 10)
    offered = reward(world.a.community, points=10, stock=1)
    response = redeem(client, world.a.member, offered.id)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def codes_of(results) -> list[str]:
    return [body["error"]["code"] for status, body in results if status != 200]
