"""Approve, reject, cancel and check in over HTTP: who, from which status, and when; and
the worker marking no-shows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.worker import tasks
from tests.helpers.api import assert_error, get_json
from tests.helpers.bookings import booked, move, slot, status_of

BEIJING_14H = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)  # Friday 14:00 in Beijing


def pending(client, world, rooms) -> dict:
    return booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))


def approved(client, world, rooms) -> dict:
    made = pending(client, world, rooms)
    response = move(client, world.a.staff, f"/staff/bookings/{made['id']}/approve")
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_staff_approve_a_pending_booking_once(client, world, rooms):
    made = approved(client, world, rooms)
    assert made["status"] == "approved" and made["decided_at"]
    again = move(client, world.a.staff, f"/staff/bookings/{made['id']}/approve")
    assert_error(again, 409, "BOOKING_STATE_CONFLICT")
    rejected = move(client, world.a.staff, f"/staff/bookings/{made['id']}/reject", {"reason": "x"})
    assert_error(rejected, 409, "BOOKING_STATE_CONFLICT")
    assert status_of(made["id"]) == "approved"


def test_staff_reject_with_a_reason(client, world, rooms):
    made = pending(client, world, rooms)
    path = f"/staff/bookings/{made['id']}/reject"
    assert_error(move(client, world.a.staff, path, {}), 422, "VALIDATION_ERROR")
    assert_error(move(client, world.a.staff, path, {"reason": ""}), 422, "VALIDATION_ERROR")
    response = move(client, world.a.staff, path, {"reason": "当天社区有活动"})
    assert response.status_code == 200
    assert (response.get_json()["status"], response.get_json()["reason"]) == (
        "rejected",
        "当天社区有活动",
    )
    assert_error(
        move(client, world.a.staff, f"/staff/bookings/{made['id']}/approve"),
        409,
        "BOOKING_STATE_CONFLICT",
    )
    assert_error(
        move(client, world.a.resident, f"/bookings/{made['id']}/cancel"),
        409,
        "BOOKING_STATE_CONFLICT",
    )


def test_the_decision_is_in_the_bookers_inbox(client, world, rooms):
    made = approved(client, world, rooms)
    other = booked(client, world.a.resident, rooms.a.id, slot("10:00", "11:00"))
    move(client, world.a.staff, f"/staff/bookings/{other['id']}/reject", {"reason": "设备检修"})
    messages = get_json(client, world.a.resident, "/my/messages")["items"]
    assert [m["title"] for m in messages] == ["场地预约未通过", "场地预约已通过"]
    assert "设备检修" in messages[0]["body"] and "百花洲邻里中心议事室" in messages[1]["body"]
    assert made["id"]


def test_the_booker_cancels_before_the_start(client, world, rooms, frozen_clock):
    made = approved(client, world, rooms)
    assert_error(move(client, world.a.member, f"/bookings/{made['id']}/cancel"), 404, "NOT_FOUND")
    assert_error(move(client, world.a.staff, f"/bookings/{made['id']}/cancel"), 404, "NOT_FOUND")
    frozen_clock.move_to(BEIJING_14H)
    assert_error(
        move(client, world.a.resident, f"/bookings/{made['id']}/cancel"),
        409,
        "BOOKING_STATE_CONFLICT",
    )
    frozen_clock.move_to(BEIJING_14H - timedelta(seconds=1))
    response = move(client, world.a.resident, f"/bookings/{made['id']}/cancel")
    assert response.status_code == 200 and response.get_json()["status"] == "cancelled"
    assert_error(
        move(client, world.a.resident, f"/bookings/{made['id']}/cancel"),
        409,
        "BOOKING_STATE_CONFLICT",
    )


def test_check_in_from_15_minutes_before_the_start_to_the_end(client, world, rooms, frozen_clock):
    made = approved(client, world, rooms)
    path = f"/bookings/{made['id']}/checkin"
    frozen_clock.move_to(BEIJING_14H - timedelta(minutes=15, seconds=1))
    assert_error(move(client, world.a.resident, path), 409, "CHECKIN_CLOSED")
    assert_error(move(client, world.a.member, path), 404, "NOT_FOUND")
    frozen_clock.move_to(BEIJING_14H - timedelta(minutes=15))
    response = move(client, world.a.resident, path)
    assert response.status_code == 200 and response.get_json()["status"] == "checked_in"
    again = move(client, world.a.resident, path)
    assert again.status_code == 200 and again.get_json()["status"] == "checked_in"
    assert tasks.mark_no_shows.call_local() == 0


def test_check_in_after_the_end_or_before_approval(client, world, rooms, frozen_clock):
    waiting = pending(client, world, rooms)
    frozen_clock.move_to(BEIJING_14H)
    assert_error(
        move(client, world.a.resident, f"/bookings/{waiting['id']}/checkin"),
        409,
        "BOOKING_STATE_CONFLICT",
    )
    move(client, world.a.staff, f"/staff/bookings/{waiting['id']}/approve")
    frozen_clock.move_to(BEIJING_14H + timedelta(hours=2))
    assert_error(
        move(client, world.a.resident, f"/bookings/{waiting['id']}/checkin"), 409, "CHECKIN_CLOSED"
    )


def test_the_worker_marks_no_shows_30_minutes_after_the_start(client, world, rooms, frozen_clock):
    made = approved(client, world, rooms)
    waiting = booked(client, world.a.member, rooms.a.id, slot("16:00", "17:00"))
    frozen_clock.move_to(BEIJING_14H + timedelta(minutes=29, seconds=59))
    assert tasks.mark_no_shows.call_local() == 0
    frozen_clock.move_to(BEIJING_14H + timedelta(hours=3))
    assert tasks.mark_no_shows.call_local() == 1
    assert tasks.mark_no_shows.call_local() == 0  # once
    assert status_of(made["id"]) == "no_show"
    assert status_of(waiting["id"]) == "pending"  # never approved: not a no-show
    assert_error(
        move(client, world.a.resident, f"/bookings/{made['id']}/checkin"),
        409,
        "BOOKING_STATE_CONFLICT",
    )


def test_the_worker_closes_bookings_nobody_decided_by_their_start(
    client, world, rooms, frozen_clock
):
    made = pending(client, world, rooms)
    later = booked(client, world.a.member, rooms.a.id, slot("16:00", "17:00"))
    frozen_clock.move_to(BEIJING_14H - timedelta(seconds=1))
    assert tasks.close_undecided_bookings.call_local() == 0
    frozen_clock.move_to(BEIJING_14H)
    assert tasks.close_undecided_bookings.call_local() == 1
    assert tasks.close_undecided_bookings.call_local() == 0  # once
    assert status_of(made["id"]) == "rejected"
    assert status_of(later["id"]) == "pending"
    inbox = get_json(client, world.a.resident, "/my/messages")["items"]
    assert [m["title"] for m in inbox] == ["场地预约未通过"]
    assert "开始前未获审核" in inbox[0]["body"]
    # Staff can no longer decide it.
    assert_error(
        move(client, world.a.staff, f"/staff/bookings/{made['id']}/approve"),
        409,
        "BOOKING_STATE_CONFLICT",
    )
