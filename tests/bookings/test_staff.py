"""Staff over HTTP: their communities' bookings, the rooms of their venues, the usage
numbers per venue; the venue's detail lists its open rooms, refreshed when a room changes."""

from __future__ import annotations

from datetime import UTC, datetime

from app.worker import tasks
from tests.helpers.api import assert_error, auth, call, get, get_json
from tests.helpers.bookings import booked, move, slot
from tests.helpers.queries import queries_of_request

USAGE = "/staff/venues/usage?from=2026-11-27&to=2026-12-04"


def test_staff_list_their_communities_bookings(client, world, rooms):
    mine = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    booked(client, world.b.resident, rooms.b.id, slot("14:00", "16:00"))
    listed = get_json(client, world.a.staff, "/staff/bookings?status=pending")["items"]
    assert [b["id"] for b in listed] == [mine["id"]]
    assert get_json(client, world.a.staff, "/staff/bookings?status=approved")["items"] == []
    by_venue = get_json(client, world.a.staff, f"/staff/bookings?venue_id={rooms.a.venue_id}")
    assert [b["id"] for b in by_venue["items"]] == [mine["id"]]
    assert len(get_json(client, world.street_admin, "/staff/bookings")["items"]) == 2
    assert_error(get(client, world.a.staff, "/staff/bookings?status=done"), 422, "VALIDATION_ERROR")


def test_the_lists_run_a_fixed_number_of_queries(client, world, rooms):
    booked(client, world.a.resident, rooms.a.id, slot("09:00", "10:00"))
    for user, path in [(world.a.staff, "/staff/bookings"), (world.a.resident, "/my/bookings")]:
        get_json(client, user, path)  # the callers are kept from here on
    few = queries_of_request(client, "/api/v1/staff/bookings", auth(world.a.staff))
    mine = queries_of_request(client, "/api/v1/my/bookings", auth(world.a.resident))
    booked(client, world.a.resident, rooms.a.id, slot("10:00", "11:00", repeat_weeks=5))
    assert queries_of_request(client, "/api/v1/staff/bookings", auth(world.a.staff)) == few
    assert queries_of_request(client, "/api/v1/my/bookings", auth(world.a.resident)) == mine
    usage = queries_of_request(client, f"/api/v1{USAGE}", auth(world.a.staff))
    booked(client, world.a.member, rooms.a.id, slot("14:00", "15:00"))
    assert queries_of_request(client, f"/api/v1{USAGE}", auth(world.a.staff)) == usage


def test_staff_add_and_edit_rooms_and_the_venue_shows_them(client, world, rooms):
    venue = f"/venues/{rooms.a.venue_id}"
    assert [r["name"] for r in get_json(client, None, venue)["rooms"]] == ["议事室"]
    body = {
        "name": "服务室",
        "kind": "service_room",
        "capacity": 6,
        "facilities": ["投影仪"],
        "auto_approve": True,
    }
    created = call(client, world.a.staff, "post", f"/staff/venues/{rooms.a.venue_id}/rooms", body)
    assert created.status_code == 201, created.get_json()
    room = created.get_json()
    assert (room["kind_label"], room["capacity"], room["auto_approve"]) == ("服务室", 6, True)
    shown = get_json(client, None, venue)["rooms"]
    assert [(r["name"], r["capacity"], r["facilities"]) for r in shown] == [
        ("议事室", 20, []),
        ("服务室", 6, ["投影仪"]),
    ]

    edited = call(
        client, world.a.staff, "patch", f"/staff/rooms/{room['id']}", {"is_active": False}
    )
    assert edited.status_code == 200 and edited.get_json()["is_active"] is False
    assert [r["name"] for r in get_json(client, None, venue)["rooms"]] == ["议事室"]


def test_bad_rooms_are_refused(client, world, rooms):
    path = f"/staff/venues/{rooms.a.venue_id}/rooms"
    for body, field in [
        ({"capacity": 5}, "name"),
        ({"name": "服务室", "capacity": 0}, "capacity"),
        ({"name": "服务室", "capacity": 5, "kind": "garage"}, "kind"),
    ]:
        error = assert_error(
            call(client, world.a.staff, "post", path, body), 422, "VALIDATION_ERROR"
        )
        assert field in error["details"]
    assert_error(
        call(client, world.a.staff, "patch", f"/staff/rooms/{rooms.a.id}", {"capacity": -1}),
        422,
        "VALIDATION_ERROR",
    )


def test_usage_per_venue_counts_what_was_used(client, world, rooms, frozen_clock):
    used = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00", attendees=12))
    move(client, world.a.staff, f"/staff/bookings/{used['id']}/approve")
    later = booked(
        client, world.a.member, rooms.a.id, slot("09:00", "10:30", day="2026-12-04", attendees=5)
    )
    move(client, world.a.staff, f"/staff/bookings/{later['id']}/approve")
    missed = booked(client, world.a.resident, rooms.a.id, slot("10:00", "11:00", day="2026-12-03"))
    move(client, world.a.staff, f"/staff/bookings/{missed['id']}/approve")
    booked(client, world.a.resident, rooms.a.id, slot("16:00", "17:00"))  # pending: not use
    booked(client, world.b.resident, rooms.b.id, slot("14:00", "16:00"))
    outside = booked(client, world.a.resident, rooms.a.id, slot("14:00", "15:00", day="2026-12-07"))
    move(client, world.a.staff, f"/staff/bookings/{outside['id']}/approve")
    frozen_clock.move_to(datetime(2026, 11, 27, 6, 0, tzinfo=UTC))
    assert move(client, world.a.resident, f"/bookings/{used['id']}/checkin").status_code == 200
    frozen_clock.move_to(datetime(2026, 12, 3, 4, 0, tzinfo=UTC))
    assert tasks.mark_no_shows.call_local() == 1  # 12-03's

    items = get_json(client, world.a.staff, USAGE)["items"]
    assert items == [
        {
            "venue_id": rooms.a.venue_id,
            "name": "百花洲邻里中心",
            "bookings": 2,
            "hours": 3.5,
            "people": 17,
        }
    ]
    everyone = get_json(client, world.street_admin, USAGE)["items"]
    assert [(i["venue_id"], i["bookings"]) for i in everyone] == [
        (rooms.a.venue_id, 2),
        (rooms.b.venue_id, 0),
    ]
    one = get_json(client, world.street_admin, f"{USAGE}&community_id={world.b.community.id}")
    assert [i["venue_id"] for i in one["items"]] == [rooms.b.venue_id]


def test_usage_period_rules(client, world, rooms):
    bad = "/staff/venues/usage?from=2026-12-04&to=2026-11-27"
    assert (
        "from" in assert_error(get(client, world.a.staff, bad), 422, "VALIDATION_ERROR")["details"]
    )
    missing = assert_error(
        get(client, world.a.staff, "/staff/venues/usage"), 422, "VALIDATION_ERROR"
    )
    assert {"from", "to"} <= set(missing["details"])
    other = f"{USAGE}&community_id={world.b.community.id}"
    assert_error(get(client, world.a.staff, other), 404, "NOT_FOUND")
