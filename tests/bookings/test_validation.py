"""The 422s of a booking, each naming its field, and nothing written: times without an
offset, in the past, outside the venue's opening hours, shorter than 30 minutes, longer
than 8 hours, over capacity; a booking that also overlaps is a 409 (the table's order)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.extensions import db
from tests.helpers.api import assert_error
from tests.helpers.bookings import FRIDAY, at, book, booked, count_bookings, slot


def refused(client, world, rooms, body: dict, field: str) -> dict:
    before = count_bookings()
    error = assert_error(book(client, world.a.resident, rooms.a.id, body), 422, "VALIDATION_ERROR")
    assert field in error["details"], error
    assert count_bookings() == before
    return error


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"start": "2026-11-27T14:00:00", "end": at(FRIDAY, "16:00")}, "start"),
        ({"end": "2026-11-27 16:00"}, "end"),
        ({"start": "明天下午"}, "start"),
        ({"start": at(FRIDAY, "16:00"), "end": at(FRIDAY, "14:00")}, "end"),
        ({"start": at(FRIDAY, "16:00"), "end": at(FRIDAY, "16:00")}, "end"),
        ({"purpose": ""}, "purpose"),
        ({"purpose": "议" * 201}, "purpose"),
        ({"attendees": 0}, "attendees"),
        ({"attendees": "8"}, "attendees"),
        ({"repeat_weeks": 13}, "repeat_weeks"),
        ({"repeat_weeks": 0}, "repeat_weeks"),
        ({"on_behalf_of": "street"}, "on_behalf_of"),
    ],
)
def test_bad_input(client, world, rooms, body, field):
    refused(client, world, rooms, slot("14:00", "16:00") | body, field)


def test_required_fields(client, world, rooms):
    error = refused(client, world, rooms, {}, "start")
    assert set(error["details"]) == {"start", "end", "purpose", "attendees"}


def test_in_the_past(client, world, rooms, frozen_clock):
    refused(client, world, rooms, slot("09:00", "10:00", day="2026-11-26"), "start")  # 09:00 today
    refused(client, world, rooms, slot("08:30", "09:30", day="2026-11-20"), "start")


def test_the_length(client, world, rooms):
    refused(client, world, rooms, slot("14:00", "14:29"), "end")
    assert booked(client, world.a.resident, rooms.a.id, slot("14:00", "14:30"))
    refused(client, world, rooms, slot("10:00", "10:01", day="2026-11-30"), "end")
    rooms.a.venue.opening_hours = [{"days": "每天", "hours": "00:00-24:00"}]
    db.session.commit()
    refused(client, world, rooms, slot("08:00", "16:01", day="2026-11-30"), "end")
    assert booked(client, world.a.resident, rooms.a.id, slot("08:00", "16:00", day="2026-11-30"))


def test_over_capacity(client, world, rooms):
    error = refused(client, world, rooms, slot("14:00", "16:00", attendees=21), "attendees")
    assert "20" in error["details"]["attendees"][0]
    assert booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00", attendees=20))


def test_outside_the_opening_hours(client, world, rooms):
    refused(client, world, rooms, slot("07:30", "09:00"), "start")  # before opening
    refused(client, world, rooms, slot("17:00", "18:00"), "start")  # across closing time
    refused(client, world, rooms, slot("10:00", "12:30", day="2026-11-28"), "start")  # Saturday
    refused(client, world, rooms, slot("10:00", "11:00", day="2026-11-29"), "start")  # Sunday
    assert booked(client, world.a.resident, rooms.a.id, slot("16:30", "17:30"))
    assert booked(client, world.a.resident, rooms.a.id, slot("09:00", "12:00", day="2026-11-28"))


def test_a_booking_across_midnight(client, world, rooms):
    rooms.a.venue.opening_hours = [{"days": "每天", "hours": "00:00-24:00"}]
    db.session.commit()
    body = {"start": at(FRIDAY, "23:00"), "end": "2026-11-28T01:00:00+08:00"}
    refused(client, world, rooms, slot("14:00", "16:00") | body, "start")
    body = {"start": at(FRIDAY, "22:00"), "end": "2026-11-28T00:00:00+08:00"}  # ends the day
    assert booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00") | body)


def test_other_offsets_are_the_same_instant(client, world, rooms):
    body = {"start": "2026-11-27T06:00:00Z", "end": "2026-11-27T08:00:00+00:00"}
    made = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00") | body)
    assert made["start"] == "2026-11-27T06:00:00+00:00"


def test_on_a_closed_date(client, world, rooms):
    rooms.a.venue.closed_dates = [{"date": FRIDAY, "reason": "设备检修"}]
    db.session.commit()
    refused(client, world, rooms, slot("14:00", "16:00"), "start")


def test_on_a_statutory_holiday_of_a_venue_that_closes_on_them(client, world, rooms, frozen_clock):
    frozen_clock.move_to(datetime(2026, 9, 24, 2, 0, tzinfo=UTC))
    national_day = slot("10:00", "11:00", day="2026-10-01")  # a Thursday
    rooms.a.venue.closed_on_holidays = True
    rooms.b.venue.closed_on_holidays = False
    db.session.commit()
    refused(client, world, rooms, national_day, "start")
    assert booked(client, world.a.resident, rooms.b.id, national_day)


def test_an_overlap_wins_over_a_422(client, world, rooms):
    booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    over = slot("15:00", "18:00", attendees=99)
    assert_error(book(client, world.a.member, rooms.a.id, over), 409, "BOOKING_CONFLICT")
    assert count_bookings() == 1


def test_booking_for_a_unit_or_a_shop(client, world, rooms):
    refused(client, world, rooms, slot("14:00", "16:00", on_behalf_of="unit"), "on_behalf_of")
    refused(client, world, rooms, slot("14:00", "16:00", on_behalf_of="merchant"), "on_behalf_of")
    made = booked(client, world.a.member, rooms.a.id, slot("14:00", "15:00", on_behalf_of="unit"))
    assert (made["on_behalf_of"], made["on_behalf_label"]) == ("unit", "共建单位")
    assert made["behalf_name"]
