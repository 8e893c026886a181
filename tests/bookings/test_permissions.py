"""Who may call the bookings, over two communities: 401 without a good token, 403 for a
role that may not, 404 for a booking, room or venue of another community or another
booker, and nothing changes."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.venues.rooms import VenueRoom
from tests.helpers.api import assert_error, call
from tests.helpers.bookings import booked, count_bookings, move, slot, status_of
from tests.helpers.permissions import Case, check, matrix

STAFF_ROUTES = [
    ("post", "/staff/bookings/{booking}/approve", None),
    ("post", "/staff/bookings/{booking}/reject", {"reason": "不合适"}),
    ("get", "/staff/bookings?venue_id={venue}", None),
    ("post", "/staff/venues/{venue}/rooms", {"name": "服务室", "capacity": 10}),
    ("patch", "/staff/rooms/{room}", {"capacity": 5}),
    ("get", "/staff/venues/usage?from=2026-11-01&to=2026-11-30&community_id={community}", None),
]
BOOKER_ROUTES = [
    ("post", "/bookings/{booking}/cancel", None),
    ("post", "/bookings/{booking}/checkin", None),
]
OUTSIDE_THE_REACH = (
    [Case("a.staff", m, p, 404, body=b) for m, p, b in STAFF_ROUTES + BOOKER_ROUTES]
    + [
        Case(who, m, p, 403, body=b)
        for who in ("a.resident", "a.member", "b.member")
        for m, p, b in STAFF_ROUTES
    ]
    + [
        Case(who, m, p, 404, body=b)
        for who in ("a.member", "b.member", "b.staff")
        for m, p, b in BOOKER_ROUTES
    ]
)
NO_GOOD_TOKEN = [
    Case(who, m, p, 401, body=b)
    for who in ("anonymous", "forged token", "token without Bearer")
    for m, p, b in [
        *STAFF_ROUTES,
        *BOOKER_ROUTES,
        ("post", "/rooms/{room}/bookings", slot("10:00", "11:00")),
        ("get", "/rooms/{room}/bookings?date=2026-11-27", None),
        ("get", "/my/bookings", None),
    ]
]


@pytest.fixture
def b_side(client, world, rooms) -> dict:
    """A pending booking of b's room by b's resident."""
    made = booked(client, world.b.resident, rooms.b.id, slot("14:00", "16:00"))
    return {"booking": made["id"], "room": rooms.b.id, "venue": rooms.b.venue_id}


@matrix(OUTSIDE_THE_REACH + NO_GOOD_TOKEN)
def test_who_may_call_what(client, world, b_side, case):
    check(client, world, case, community=world.b.community.id, **b_side)
    assert status_of(b_side["booking"]) == "pending"
    assert count_bookings() == 1
    assert db.session.query(VenueRoom).count() == 2
    assert db.session.get(VenueRoom, b_side["room"]).capacity == 20


def test_the_street_admin_decides_every_community_of_the_street(client, world, b_side):
    response = move(client, world.street_admin, f"/staff/bookings/{b_side['booking']}/approve")
    assert response.status_code == 200


def test_a_room_out_of_reach_is_not_found_before_the_body_is_read(client, world, b_side):
    response = call(
        client, world.a.staff, "patch", f"/staff/rooms/{b_side['room']}", {"capacity": 0}
    )
    assert_error(response, 404, "NOT_FOUND")
    response = call(
        client, world.a.staff, "post", f"/staff/bookings/{b_side['booking']}/reject", {}
    )
    assert_error(response, 404, "NOT_FOUND")
