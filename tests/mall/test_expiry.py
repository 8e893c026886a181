"""An unclaimed redemption expires after REDEMPTION_VALID_DAYS, or at the end of its
reward's last Beijing day on offer, whichever is first: the worker's job gives its points
and stock back, once, and tells the user."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.worker import tasks
from tests.helpers.api import assert_error, get_json
from tests.helpers.ledger import assert_ledger_holds, stored_balance
from tests.helpers.mall import cancel, give_points, redeem, reward, status_of, stock_of, verify

pytestmark = pytest.mark.usefixtures("frozen_clock")


def expire() -> int:
    return tasks.expire_redemptions.call_local()


def _redeemed(client, world, **reward_fields) -> dict:
    give_points(world.a.member, 10)
    offered = reward(world.a.community, points=10, stock=1, **reward_fields)
    response = redeem(client, world.a.member, offered.id)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_an_unclaimed_redemption_expires_after_the_valid_days(app, client, world, frozen_clock):
    redemption = _redeemed(client, world)
    days = app.config["REDEMPTION_VALID_DAYS"]
    assert datetime.fromisoformat(redemption["expires_at"]) == frozen_clock.now + timedelta(
        days=days
    )
    frozen_clock.shift(timedelta(days=days) - timedelta(seconds=1))
    assert expire() == 0 and status_of(redemption["id"]) == "pending"

    frozen_clock.shift(timedelta(seconds=1))
    assert_error(
        verify(client, world.a.staff, redemption["code"]), 409, "REDEMPTION_STATE_CONFLICT"
    )
    assert expire() == 1
    assert expire() == 0  # once
    assert status_of(redemption["id"]) == "expired"
    assert stock_of(redemption["reward_id"]) == 1
    assert stored_balance(world.a.member.id) == 10
    assert_error(cancel(client, world.a.member, redemption["id"]), 409, "REDEMPTION_STATE_CONFLICT")
    ledger = get_json(client, world.a.member, "/member/points")["items"]
    assert [(i["delta"], i["reason"]) for i in ledger[:2]] == [
        (10, "redemption_refund"),
        (-10, "redemption"),
    ]
    messages = get_json(client, world.a.member, "/my/messages")["items"]
    assert [m["title"] for m in messages] == ["兑换已过期"]
    assert_ledger_holds(world.a.member.id)


def test_the_last_day_of_the_reward_comes_first(client, world, frozen_clock):
    last_day = frozen_clock.now.date() + timedelta(days=2)  # 2026-11-28
    redemption = _redeemed(client, world, valid_until=last_day)
    end_of_day = datetime(2026, 11, 28, 16, 0, tzinfo=UTC)  # 24:00 in Beijing
    assert datetime.fromisoformat(redemption["expires_at"]) == end_of_day

    frozen_clock.move_to(end_of_day - timedelta(seconds=1))
    assert expire() == 0
    frozen_clock.move_to(end_of_day)
    assert expire() == 1
    assert status_of(redemption["id"]) == "expired"
    assert_ledger_holds(world.a.member.id)


def test_a_fulfilled_or_cancelled_redemption_never_expires(client, world, frozen_clock):
    fulfilled = _redeemed(client, world)
    assert verify(client, world.a.staff, fulfilled["code"]).status_code == 200
    cancelled = _redeemed(client, world)
    assert cancel(client, world.a.member, cancelled["id"]).status_code == 200
    frozen_clock.shift(timedelta(days=400))
    assert expire() == 0
    assert (status_of(fulfilled["id"]), status_of(cancelled["id"])) == ("fulfilled", "cancelled")
    assert stored_balance(world.a.member.id) == 10
    assert_ledger_holds(world.a.member.id)
