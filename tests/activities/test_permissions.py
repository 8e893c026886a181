"""Who may call the activities, over two communities: 401 without a good token, 403 for a
role that may not, 404 for an activity of another community, and nothing changes."""

from __future__ import annotations

import pytest

from app.activities.models import Activity
from app.extensions import db
from tests.helpers.activities import activity_body, count_signups, published, signed_up
from tests.helpers.api import assert_error, call
from tests.helpers.permissions import Case, check, matrix

STAFF_ROUTES = [
    ("patch", "/staff/activities/{activity}", {"capacity": 9}),
    ("get", "/staff/activities/{activity}/checkin-qr.png", None),
    ("get", "/staff/activities?community_id={community}", None),
    ("post", "/staff/activities", lambda world: activity_body(world.b.community)),
]
ANYONE_ROUTES = [
    ("post", "/activities/{activity}/signup", None),
    ("post", "/activities/{activity}/signup/cancel", None),
    ("post", "/activities/{activity}/checkin", {"code": "ABCDEFGHJK"}),
    ("get", "/activities/{activity}", None),
    ("get", "/activities", None),
    ("get", "/my/activities", None),
]
CASES = (
    [Case("a.staff", m, p, 404, body=b) for m, p, b in STAFF_ROUTES]
    + [
        Case(who, m, p, 403, body=b)
        for who in ("a.resident", "a.member", "b.member", "b.resident")
        for m, p, b in STAFF_ROUTES
    ]
    + [
        Case(who, m, p, 401, body=b)
        for who in ("anonymous", "forged token", "token without Bearer")
        for m, p, b in STAFF_ROUTES + ANYONE_ROUTES
    ]
)


@pytest.fixture
def b_side(frozen_clock, client, world) -> dict:
    """An activity of b's, with b's resident signed up."""
    made = published(client, world.b.staff, activity_body(world.b.community, announce=False))
    signed_up(client, world.b.resident, made["id"])
    return {"activity": made["id"]}


@matrix(CASES)
def test_who_may_call_what(client, world, b_side, case):
    check(client, world, case, community=world.b.community.id, **b_side)
    activity = db.session.get(Activity, b_side["activity"])
    assert (activity.capacity, activity.signed_up) == (5, 1)
    assert db.session.query(Activity).count() == 1
    assert count_signups() == 1


def test_anyone_signed_in_signs_up_to_another_communitys_activity(client, world, b_side):
    assert signed_up(client, world.a.member, b_side["activity"])["status"] == "signed_up"


def test_the_street_admin_manages_every_community_of_the_street(client, world, b_side):
    path = f"/staff/activities/{b_side['activity']}"
    assert call(client, world.street_admin, "patch", path, {"capacity": 9}).status_code == 200
    qr = call(client, world.street_admin, "get", f"{path}/checkin-qr.png")
    assert qr.status_code == 200 and qr.mimetype == "image/png"


def test_out_of_reach_is_not_found_before_the_body_is_read(client, world, b_side):
    path = f"/staff/activities/{b_side['activity']}"
    assert_error(call(client, world.a.staff, "patch", path, {"capacity": 0}), 404, "NOT_FOUND")
    missing = call(client, world.a.member, "post", "/activities/999999/checkin", {})
    assert_error(missing, 404, "NOT_FOUND")
    missing = call(client, world.a.member, "post", "/activities/999999/signup", {"waitlist": 1})
    assert_error(missing, 404, "NOT_FOUND")


def test_staff_lists_only_their_community(client, world, b_side):
    mine = call(client, world.a.staff, "get", "/staff/activities").get_json()
    assert mine["items"] == []
    theirs = call(client, world.b.staff, "get", "/staff/activities?tab=upcoming").get_json()
    assert [a["id"] for a in theirs["items"]] == [b_side["activity"]]
    assert theirs["items"][0]["checkin_code"]
