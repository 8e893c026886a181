"""POST /activities/{id}/checkin over HTTP: the window (30 minutes before the start to the
end), a wrong code, not signed up, twice, points credited to a member once, and by location
within the radius of the venue."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.extensions import db
from app.points.models import PointsEntry
from tests.helpers.activities import (
    activity_body,
    check_in,
    published,
    signed_up,
    status_of,
    venue_of,
)
from tests.helpers.api import assert_error, get_json
from tests.helpers.ledger import assert_ledger_holds, stored_balance
from tests.venues.conftest import north

TO_WINDOW = timedelta(days=1, hours=3, minutes=30)  # Friday 13:30, 30 minutes before 14:00


def code_of(activity: dict) -> dict:
    return {"code": activity["checkin_code"]}


def test_a_member_checks_in_with_the_code_and_gets_the_points_once(
    client, world, activity, frozen_clock
):
    member = world.a.member
    signed_up(client, member, activity["id"])
    frozen_clock.shift(TO_WINDOW)
    response = check_in(client, member, activity["id"], code_of(activity))
    assert response.status_code == 200 and response.get_json()["status"] == "checked_in"
    again = check_in(client, member, activity["id"], {"code": activity["checkin_code"].lower()})
    assert again.status_code == 200 and again.get_json()["status"] == "checked_in"
    assert stored_balance(member.id) == 10
    ledger = get_json(client, member, "/member/points")
    assert ledger["balance"] == 10
    assert [(e["delta"], e["reason"], e["activity_id"]) for e in ledger["items"]] == [
        (10, "activity_attended", activity["id"])
    ]
    assert_ledger_holds(member.id)


def test_a_resident_checks_in_without_points(client, world, activity, frozen_clock):
    signed_up(client, world.a.resident, activity["id"])
    frozen_clock.shift(TO_WINDOW + timedelta(hours=2, minutes=29))  # 15:59
    assert check_in(client, world.a.resident, activity["id"], code_of(activity)).status_code == 200
    assert db.session.scalars(select(PointsEntry)).all() == []


def test_outside_the_window_on_either_side_is_closed(client, world, activity, frozen_clock):
    signed_up(client, world.a.member, activity["id"])
    frozen_clock.shift(TO_WINDOW - timedelta(seconds=1))
    closed = check_in(client, world.a.member, activity["id"], code_of(activity))
    assert_error(closed, 409, "CHECKIN_CLOSED")
    frozen_clock.shift(timedelta(hours=2, minutes=30, seconds=1))  # 16:00, the end
    closed = check_in(client, world.a.member, activity["id"], code_of(activity))
    assert_error(closed, 409, "CHECKIN_CLOSED")
    assert status_of(activity["id"], world.a.member.id) == "signed_up"
    assert stored_balance(world.a.member.id) is None


def test_a_wrong_code_then_not_signed_up_in_the_table_order(client, world, activity, frozen_clock):
    frozen_clock.shift(TO_WINDOW)
    wrong = check_in(client, world.a.member, activity["id"], {"code": "WRONGCODE2"})
    assert assert_error(wrong, 422, "VALIDATION_ERROR")["details"].keys() == {"code"}
    assert_error(check_in(client, world.a.member, activity["id"], {}), 422, "VALIDATION_ERROR")
    missing = check_in(client, world.a.member, activity["id"], code_of(activity))
    assert_error(missing, 409, "NOT_SIGNED_UP")
    signed_up(client, world.a.member, activity["id"])
    wrong = check_in(client, world.a.member, activity["id"], {"code": "WRONGCODE2"})
    assert_error(wrong, 422, "VALIDATION_ERROR")
    assert status_of(activity["id"], world.a.member.id) == "signed_up"
    assert_error(check_in(client, world.a.member, 999999, code_of(activity)), 404, "NOT_FOUND")


def test_waiting_or_cancelled_is_not_signed_up(client, world, frozen_clock):
    made = published(client, world.a.staff, activity_body(world.a.community, capacity=1))
    signed_up(client, world.a.resident, made["id"])
    signed_up(client, world.a.member, made["id"], {"waitlist": True})
    frozen_clock.shift(TO_WINDOW)
    waiting = check_in(client, world.a.member, made["id"], code_of(made))
    assert_error(waiting, 409, "NOT_SIGNED_UP")


def test_check_in_by_location_within_the_radius_of_the_venue(client, world, frozen_clock):
    venue = venue_of(world.a.community, meters=0)
    body = activity_body(world.a.community, venue_id=venue.id, address=None)
    made = published(client, world.a.staff, body)
    assert (made["venue_name"], made["latitude"]) == ("百花洲党群服务中心", venue.latitude)
    signed_up(client, world.a.member, made["id"])
    frozen_clock.shift(TO_WINDOW)
    far_lat, far_lng = north(250)
    far = check_in(client, world.a.member, made["id"], {"latitude": far_lat, "longitude": far_lng})
    assert "250 米" in assert_error(far, 422, "VALIDATION_ERROR")["details"]["latitude"][0]
    near_lat, near_lng = north(150)
    near = {"latitude": near_lat, "longitude": near_lng}
    assert check_in(client, world.a.member, made["id"], near).status_code == 200
    assert stored_balance(world.a.member.id) == 10


def test_no_location_check_in_without_a_point(client, world, activity, frozen_clock):
    signed_up(client, world.a.member, activity["id"])
    frozen_clock.shift(TO_WINDOW)
    lat, lng = north(0)
    response = check_in(client, world.a.member, activity["id"], {"latitude": lat, "longitude": lng})
    assert_error(response, 422, "VALIDATION_ERROR")
