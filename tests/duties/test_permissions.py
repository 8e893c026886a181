"""Who may call the duties' endpoints, over two communities: staff reach their community's
venues, buildings and wall entries only (404 for the other's, before a bad body's 422);
members report and opt in; any signed-in user sees a lead; the public wall needs no token."""

from __future__ import annotations

import pytest

from app.duties.models import WallEntry
from app.extensions import db
from tests.helpers.api import call
from tests.helpers.duties import liaison, venue, wall_body
from tests.helpers.permissions import BAD_TOKENS, Case, check, matrix

LEAD = {"user_id": "<a.member>", "duties": "代办服务", "commitment": "有求必应"}
LIAISON = "/staff/communities/{community}/liaison-venue"
REMIND = "/staff/communities/{community}/checkin-reminders"
BUILDING_LEAD = "/staff/buildings/{building}/lead"
STAFF_WALL = "/staff/communities/{community}/wall"


def other_venue(world) -> dict:
    """b's venue, offered to a's staff as a's liaison venue."""
    return {"venue_id": world.b_venue}


CASES = [
    *[Case(who, "post", "/member/checkins", 401, body={}) for who in BAD_TOKENS],
    Case("a.resident", "post", "/member/checkins", 403, body={}),
    Case("a.staff", "post", "/member/checkins", 403, body={}),
    Case("anonymous", "get", "/member/checkins", 401),
    Case("a.resident", "get", "/member/checkins", 403),
    Case("anonymous", "get", "/buildings/{building}/lead", 401),
    Case("a.resident", "put", "/member/wall", 403, body={}),
    Case("anonymous", "delete", "/member/wall", 401),
    Case("a.staff", "get", "/member/wall", 403),
    # Staff of b reach nothing of a, even with a bad body (404 before 422).
    Case("b.staff", "put", LIAISON, 404, body={"venue_id": "<a.member>"}),
    Case("b.staff", "put", LIAISON, 404, body={}),
    Case("b.staff", "post", REMIND, 404),
    Case("b.staff", "put", BUILDING_LEAD, 404, body=LEAD),
    Case("b.staff", "put", BUILDING_LEAD, 404, body={}),
    Case("b.staff", "delete", BUILDING_LEAD, 404),
    Case("b.staff", "get", STAFF_WALL, 404),
    Case("b.staff", "post", "/staff/wall/{entry}/hide", 404),
    Case("b.staff", "post", "/staff/wall/{entry}/show", 404),
    # Members and residents are not staff.
    Case("a.member", "put", LIAISON, 403, body={}),
    Case("a.member", "post", REMIND, 403),
    Case("a.resident", "put", BUILDING_LEAD, 403, body=LEAD),
    Case("a.member", "delete", BUILDING_LEAD, 403),
    Case("a.member", "get", STAFF_WALL, 403),
    Case("a.member", "post", "/staff/wall/{entry}/hide", 403),
    *[Case(who, "put", BUILDING_LEAD, 401, body=LEAD) for who in BAD_TOKENS],
    # Staff of a: valid paths, bad bodies.
    Case("a.staff", "put", LIAISON, 422, "VALIDATION_ERROR", body={}),
    Case("a.staff", "put", BUILDING_LEAD, 422, "VALIDATION_ERROR", body={"user_id": "x"}),
    Case(
        "a.staff", "put", LIAISON, 422, "VALIDATION_ERROR", body=lambda w: {"venue_id": w.b_venue}
    ),
]


@pytest.fixture
def ids(world):
    station = liaison(world.a.community)
    world.b_venue = venue(world.b.community).id
    entry = WallEntry(user_id=world.a.member.id, community_id=world.a.community.id, **_entry())
    db.session.add(entry)
    db.session.commit()
    return {
        "community": world.a.community.id,
        "building": world.a.building.id,
        "entry": entry.id,
        "venue": station.id,
    }


def _entry() -> dict:
    body = wall_body()
    return {"photo_url": body["photo_url"], "commitment": body["commitment"]}


@matrix(CASES)
def test_who_may_call_what(client, world, ids, case):
    check(client, world, case, **ids)


@pytest.mark.parametrize("who", ["a.staff", "street_admin"])
def test_staff_of_the_community_and_its_street_admin_reach_it(client, world, ids, who):
    user = world.user(who)
    path = BUILDING_LEAD.format(**ids)
    body = {"user_id": world.a.member.id, "duties": "代办服务", "commitment": "有求必应"}
    assert call(client, user, "put", path, body).status_code == 201
    assert call(client, user, "post", REMIND.format(**ids)).status_code == 200
    assert call(client, user, "post", f"/staff/wall/{ids['entry']}/hide").status_code == 200
    assert call(client, user, "delete", path).status_code == 204


def test_the_public_wall_and_a_lead_for_any_signed_in_user(client, world, ids):
    assert call(client, None, "get", f"/communities/{ids['community']}/wall").status_code == 200
    call(
        client,
        world.a.staff,
        "put",
        BUILDING_LEAD.format(**ids),
        {"user_id": world.a.member.id, "duties": "代办服务", "commitment": "有求必应"},
    )
    for who in ("a.resident", "b.resident", "b.member", "b.staff"):
        path = f"/buildings/{ids['building']}/lead"
        assert call(client, world.user(who), "get", path).status_code == 200, who
