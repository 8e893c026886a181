"""Overlapping bookings racing for one room on PostgreSQL: real threads, each with its own
connection, released together. The exclusion constraint lets exactly one hold."""

from __future__ import annotations

import pytest

from app.bookings.models import HOLDING, Booking
from app.extensions import db
from tests.helpers import factories
from tests.helpers.api import auth
from tests.helpers.bookings import count_bookings, slot
from tests.helpers.concurrency import racing_app, run_together

pytestmark = pytest.mark.postgresql

THREADS = 20


@pytest.fixture
def race_app(app):
    with racing_app(THREADS) as second:
        yield second


def test_twenty_overlapping_bookings_at_once_one_holds(race_app, world, rooms):
    users = [factories.resident() for _ in range(THREADS)]
    db.session.commit()
    bodies = [slot(f"{9 + i % 4:02d}:00", f"{13 + i % 4:02d}:00") for i in range(THREADS)]
    path = f"/rooms/{rooms.a.id}/bookings"
    results = run_together(
        race_app, [(path, auth(u), b) for u, b in zip(users, bodies, strict=True)]
    )

    statuses = [status for status, _ in results]
    assert statuses.count(201) == 1, results
    assert sorted(body["error"]["code"] for status, body in results if status != 201) == [
        "BOOKING_CONFLICT"
    ] * (THREADS - 1)
    assert count_bookings() == 1
    assert count_bookings(Booking.status.in_(HOLDING)) == 1


def test_weekly_series_racing_one_holds_each_week(race_app, world, rooms):
    users = [factories.resident() for _ in range(10)]
    db.session.commit()
    body = slot("14:00", "16:00", repeat_weeks=6)
    path = f"/rooms/{rooms.a.id}/bookings"
    results = run_together(race_app, [(path, auth(u), body) for u in users])

    assert [status for status, _ in results].count(201) == 1, results
    assert count_bookings() == 6
    assert len({b.user_id for b in db.session.query(Booking)}) == 1
