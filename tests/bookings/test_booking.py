"""POST /rooms/{id}/bookings and GET /rooms/{id}/bookings?date= over HTTP: the answer, what
holds a room, and touching ends."""

from __future__ import annotations

from unittest.mock import ANY

from app.extensions import db
from tests.helpers.api import assert_error, auth, get, get_json
from tests.helpers.api import pages as api_pages
from tests.helpers.bookings import FRIDAY, book, booked, count_bookings, move, slot


def test_a_resident_books_a_room_and_the_day_shows_it(client, world, rooms):
    made = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    assert made["status"] == "pending" and made["status_label"] == "待审核"
    assert made["start"] == "2026-11-27T06:00:00+00:00"
    assert made["end"] == "2026-11-27T08:00:00+00:00"
    assert (made["room_id"], made["room_name"], made["venue_name"]) == (
        rooms.a.id,
        "议事室",
        "百花洲邻里中心",
    )
    assert (made["user_id"], made["attendees"], made["purpose"]) == (
        world.a.resident.id,
        8,
        "楼栋议事会",
    )
    assert made["series_id"] is None and made["on_behalf_of"] == "self"

    day = get_json(client, world.b.member, f"/rooms/{rooms.a.id}/bookings?date={FRIDAY}")
    assert day == {
        "items": [
            {"id": made["id"], "start": made["start"], "end": made["end"], "status": "pending"}
        ],
        "next_cursor": None,
    }
    saturday = get_json(client, world.b.member, f"/rooms/{rooms.a.id}/bookings?date=2026-11-28")
    assert saturday["items"] == []


def test_a_day_is_a_list_in_pages(client, world, rooms):
    for hour in range(9, 15):
        booked(client, world.a.resident, rooms.a.id, slot(f"{hour:02d}:00", f"{hour:02d}:30"))
    pages = api_pages(
        client, world.a.resident, f"/rooms/{rooms.a.id}/bookings?date={FRIDAY}&limit=4"
    )
    assert [len(p["items"]) for p in pages] == [4, 2]
    for bad in ("date=2026-11-31", "date=", f"date={FRIDAY}&limit=0", f"date={FRIDAY}&cursor=x"):
        path = f"/rooms/{rooms.a.id}/bookings?{bad}"
        assert_error(get(client, world.a.resident, path), 422, "VALIDATION_ERROR")


def test_an_overlap_of_a_pending_or_approved_booking_is_refused(client, world, rooms):
    first = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    for start, end in [
        ("15:00", "17:00"),
        ("13:00", "14:30"),
        ("14:30", "15:00"),
        ("13:00", "17:00"),
    ]:
        error = assert_error(
            book(client, world.b.member, rooms.a.id, slot(start, end)), 409, "BOOKING_CONFLICT"
        )
        assert error["details"] == {"dates": [FRIDAY]}
    assert move(client, world.a.staff, f"/staff/bookings/{first['id']}/approve").status_code == 200
    assert_error(
        book(client, world.b.member, rooms.a.id, slot("15:00", "16:00")), 409, "BOOKING_CONFLICT"
    )
    assert count_bookings() == 1


def test_touching_ends_do_not_overlap(client, world, rooms):
    booked(client, world.a.resident, rooms.a.id, slot("14:00", "15:00"))
    booked(client, world.a.member, rooms.a.id, slot("15:00", "16:00"))
    booked(client, world.b.member, rooms.a.id, slot("13:00", "14:00"))
    day = get_json(client, world.a.resident, f"/rooms/{rooms.a.id}/bookings?date={FRIDAY}")
    assert sorted(t["start"][11:16] for t in day["items"]) == ["05:00", "06:00", "07:00"]


def test_a_cancelled_or_rejected_booking_frees_its_time(client, world, rooms):
    first = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    assert move(client, world.a.resident, f"/bookings/{first['id']}/cancel").status_code == 200
    second = booked(client, world.a.member, rooms.a.id, slot("14:00", "16:00"))
    rejected = move(
        client, world.a.staff, f"/staff/bookings/{second['id']}/reject", {"reason": "场地检修"}
    )
    assert rejected.status_code == 200
    booked(client, world.b.member, rooms.a.id, slot("14:00", "16:00"))
    assert get_json(client, world.a.resident, f"/rooms/{rooms.a.id}/bookings?date={FRIDAY}")[
        "items"
    ] == [{"id": ANY, "start": ANY, "end": ANY, "status": "pending"}]


def test_the_same_time_in_another_room_is_free(client, world, rooms):
    booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    booked(client, world.a.resident, rooms.b.id, slot("14:00", "16:00"))


def test_a_room_staff_mark_to_approve_as_booked(client, world, rooms):
    rooms.a.auto_approve = True
    db.session.commit()
    made = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    assert made["status"] == "approved" and made["decided_at"] is not None
    messages = get_json(client, world.a.resident, "/my/messages")["items"]
    assert [m["title"] for m in messages] == ["场地预约已通过"]


def test_a_closed_or_unknown_room_is_not_found(client, world, rooms):
    rooms.a.is_active = False
    db.session.commit()
    assert_error(
        book(client, world.a.resident, rooms.a.id, slot("14:00", "16:00")), 404, "NOT_FOUND"
    )
    assert_error(book(client, world.a.resident, 99999, {}), 404, "NOT_FOUND")
    assert_error(
        client.get(
            f"/api/v1/rooms/{rooms.a.id}/bookings?date={FRIDAY}", headers=auth(world.a.resident)
        ),
        404,
        "NOT_FOUND",
    )
    assert count_bookings() == 0


def test_the_rooms_of_a_hidden_venue_are_not_found(client, world, rooms):
    rooms.a.venue.hidden = True
    db.session.commit()
    assert_error(
        book(client, world.a.resident, rooms.a.id, slot("14:00", "16:00")), 404, "NOT_FOUND"
    )
    assert count_bookings() == 0
