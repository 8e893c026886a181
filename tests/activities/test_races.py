"""Sign-ups racing for an activity's places on PostgreSQL: real threads, each with its own
connection, released together. The conditional UPDATE of the counter lets exactly as many
in as there are places; cancellations racing each give their place to a different waiting."""

from __future__ import annotations

import pytest

from app.activities.models import ActivitySignup, SignupStatus
from app.extensions import db
from tests.helpers import factories
from tests.helpers.activities import (
    activity_body,
    count_signups,
    places_taken,
    published,
    signed_up,
)
from tests.helpers.api import auth
from tests.helpers.concurrency import racing_app, run_together

pytestmark = pytest.mark.postgresql

THREADS = 30


@pytest.fixture
def race_app(app):
    with racing_app(THREADS) as second:
        yield second


def test_thirty_sign_ups_for_five_places_exactly_five_get_in(frozen_clock, race_app, client, world):
    made = published(client, world.a.staff, activity_body(world.a.community, announce=False))
    users = [factories.resident() for _ in range(THREADS)]
    db.session.commit()
    path = f"/activities/{made['id']}/signup"
    results = run_together(race_app, [(path, auth(u), None) for u in users])

    assert [status for status, _ in results].count(201) == 5, results
    assert sorted(body["error"]["code"] for status, body in results if status != 201) == [
        "ACTIVITY_FULL"
    ] * (THREADS - 5)
    assert places_taken(made["id"]) == 5
    assert count_signups() == 5


def test_one_user_racing_themself_signs_up_once(frozen_clock, race_app, client, world):
    made = published(client, world.a.staff, activity_body(world.a.community, announce=False))
    path = f"/activities/{made['id']}/signup"
    results = run_together(race_app, [(path, auth(world.a.resident), None)] * 10)
    assert [status for status, _ in results].count(201) == 1, results
    assert places_taken(made["id"]) == 1 and count_signups() == 1


def test_cancellations_racing_promote_different_waiting(frozen_clock, race_app, client, world):
    made = published(client, world.a.staff, activity_body(world.a.community, announce=False))
    holders = [factories.resident() for _ in range(5)]
    waiting = [factories.resident() for _ in range(5)]
    db.session.commit()
    for user in holders:
        signed_up(client, user, made["id"])
    for user in waiting:
        signed_up(client, user, made["id"], {"waitlist": True})
    path = f"/activities/{made['id']}/signup/cancel"
    results = run_together(race_app, [(path, auth(u), None) for u in holders])

    assert [status for status, _ in results] == [200] * 5, results
    assert places_taken(made["id"]) == 5
    assert count_signups(ActivitySignup.status == SignupStatus.SIGNED_UP) == 5
    assert count_signups(ActivitySignup.status == SignupStatus.WAITLISTED) == 0
