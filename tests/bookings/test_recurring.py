"""Weekly bookings (`repeat_weeks` 1–12) are all or nothing: one week taken or closed and
none is made, the refusal naming the dates."""

from __future__ import annotations

from app.bookings.models import Booking
from app.extensions import db
from tests.helpers.api import assert_error, get_json
from tests.helpers.bookings import book, booked, count_bookings, move, slot, status_of

WEEKLY = slot("14:00", "16:00", repeat_weeks=4)  # Fridays 11-27, 12-04, 12-11, 12-18


def test_four_fridays_in_one_series(client, world, rooms):
    first = booked(client, world.a.resident, rooms.a.id, WEEKLY)
    assert first["series_id"] and first["start"] == "2026-11-27T06:00:00+00:00"
    mine = get_json(client, world.a.resident, "/my/bookings")["items"]
    assert [b["start"][:10] for b in mine] == [
        "2026-12-18",
        "2026-12-11",
        "2026-12-04",
        "2026-11-27",
    ]
    assert {b["series_id"] for b in mine} == {first["series_id"]}
    assert {b["status"] for b in mine} == {"pending"}


def test_one_week_taken_makes_none(client, world, rooms):
    booked(client, world.b.member, rooms.a.id, slot("15:00", "17:00", day="2026-12-11"))
    error = assert_error(
        book(client, world.a.resident, rooms.a.id, WEEKLY), 409, "BOOKING_CONFLICT"
    )
    assert error["details"] == {"dates": ["2026-12-11"]}
    assert count_bookings(Booking.user_id == world.a.resident.id) == 0


def test_one_week_closed_makes_none(client, world, rooms):
    rooms.a.venue.closed_dates = [{"date": "2026-12-04", "reason": "消防检查"}]
    db.session.commit()
    error = assert_error(
        book(client, world.a.resident, rooms.a.id, WEEKLY), 422, "VALIDATION_ERROR"
    )
    assert error["details"]["dates"] == ["2026-12-04"]
    assert count_bookings() == 0


def test_twelve_weeks_at_most(client, world, rooms):
    booked(client, world.a.resident, rooms.a.id, slot("09:00", "10:00", repeat_weeks=12))
    assert count_bookings() == 12
    last = db.session.query(Booking).order_by(Booking.start_at.desc()).first()
    assert last.start_at.date().isoformat() == "2027-02-12"


def test_cancelling_the_whole_series_or_one_week(client, world, rooms):
    first = booked(client, world.a.resident, rooms.a.id, WEEKLY)
    series = db.session.query(Booking).order_by(Booking.start_at).all()
    second = series[1].id
    assert move(client, world.a.resident, f"/bookings/{second}/cancel").status_code == 200
    assert [status_of(b.id) for b in series] == ["pending", "cancelled", "pending", "pending"]

    response = move(client, world.a.resident, f"/bookings/{first['id']}/cancel?series=true")
    assert response.status_code == 200 and response.get_json()["status"] == "cancelled"
    assert {status_of(b.id) for b in series} == {"cancelled"}


def test_an_auto_approved_series_tells_once(client, world, rooms):
    rooms.a.auto_approve = True
    db.session.commit()
    booked(client, world.a.resident, rooms.a.id, WEEKLY)
    assert count_bookings(Booking.status == "approved") == 4
    messages = get_json(client, world.a.resident, "/my/messages")["items"]
    assert len(messages) == 1 and "共 4 次" in messages[0]["body"]


def test_staff_approve_the_later_weeks_of_a_series_at_once(client, world, rooms):
    first = booked(client, world.a.resident, rooms.a.id, WEEKLY)
    series = db.session.query(Booking).order_by(Booking.start_at).all()
    move(client, world.a.resident, f"/bookings/{series[2].id}/cancel")
    # The second week alone, then the rest of the series from the first: the cancelled
    # third week stays cancelled, the fourth is approved with the first.
    assert move(client, world.a.staff, f"/staff/bookings/{series[1].id}/approve").status_code == 200
    response = move(client, world.a.staff, f"/staff/bookings/{first['id']}/approve?series=true")
    assert response.status_code == 200 and response.get_json()["status"] == "approved"
    assert [status_of(b.id) for b in series] == ["approved", "approved", "cancelled", "approved"]
    messages = get_json(client, world.a.resident, "/my/messages")["items"]
    assert [m["title"] for m in messages] == ["场地预约已通过"] * 2
    assert "共 2 次" in messages[0]["body"]
    assert_error(
        move(client, world.b.staff, f"/staff/bookings/{series[3].id}/approve?series=true"),
        404,
        "NOT_FOUND",
    )
