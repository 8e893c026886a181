"""§6.5 over HTTP: publish, the list, sign up, ACTIVITY_FULL, ALREADY_SIGNED_UP, the
waitlist and cancelling, with nothing written on a refusal."""

from __future__ import annotations

import itertools
from datetime import timedelta

from app.activities.models import Activity
from app.extensions import db
from app.notifications.models import Message
from tests.helpers import factories
from tests.helpers.activities import (
    activity_body,
    count_signups,
    places_taken,
    published,
    sign_up,
    signed_up,
    status_of,
)
from tests.helpers.api import assert_error, call, get, get_json, item_ids, post


def test_staff_publish_and_residents_see_it_soonest_first(client, world, activity):
    assert activity["signed_up"] == 0 and activity["capacity"] == 5
    assert activity["start"] == "2026-11-27T06:00:00+00:00"
    assert len(activity["checkin_code"]) == 10
    later = published(
        client, world.a.staff, activity_body(world.a.community, "09:00", "10:00", "2026-11-30")
    )
    sooner = published(client, world.a.staff, activity_body(world.a.community, "08:00", "09:00"))
    other = published(client, world.b.staff, activity_body(world.b.community))
    listed = get_json(client, world.a.resident, f"/activities?community_id={world.a.community.id}")
    assert item_ids(listed) == [sooner["id"], activity["id"], later["id"]]
    assert "checkin_code" not in listed["items"][0]
    everywhere = get_json(client, world.a.resident, "/activities?limit=2")
    assert item_ids(everywhere) == [sooner["id"], activity["id"]]
    rest = get_json(client, world.a.resident, f"/activities?cursor={everywhere['next_cursor']}")
    assert set(item_ids(rest)) == {other["id"], later["id"]}
    assert_error(post(client, world.a.resident, "/activities?cursor=x"), 405, "METHOD_NOT_ALLOWED")


def test_the_list_leaves_out_ended_ones_and_checks_its_arguments(
    client, world, activity, frozen_clock
):
    frozen_clock.shift(timedelta(days=1, hours=6))  # Friday 16:00, the end
    assert get_json(client, world.a.resident, "/activities")["items"] == []
    for bad in ("community_id=x", "limit=0", "limit=101", "cursor=forged"):
        assert_error(get(client, world.a.resident, f"/activities?{bad}"), 422, "VALIDATION_ERROR")
    assert_error(get(client, world.a.resident, "/activities?community_id=999999"), 404, "NOT_FOUND")


def test_the_new_activity_is_announced_to_its_audience(client, world, frozen_clock):
    body = activity_body(world.a.community, audience="members", title="党组织活动：主题党日")
    made = published(client, world.a.staff, body)
    inbox = get_json(client, world.a.member, "/my/messages")["items"]
    assert [m["title"] for m in inbox] == ["新活动：党组织活动：主题党日"]
    assert "百花洲社区广场" in inbox[0]["body"]
    assert get_json(client, world.b.member, "/my/messages")["items"] == []
    assert made["announcement_id"] is not None
    quiet = published(client, world.a.staff, activity_body(world.a.community, announce=False))
    assert quiet["announcement_id"] is None
    assert db.session.query(Message).count() == 1


def test_sign_up_takes_a_place_and_twice_is_refused(client, world, activity):
    made = signed_up(client, world.a.resident, activity["id"])
    assert made["status"] == "signed_up" and made["status_label"] == "已报名"
    assert places_taken(activity["id"]) == 1
    again = sign_up(client, world.a.resident, activity["id"])
    assert_error(again, 409, "ALREADY_SIGNED_UP")
    assert places_taken(activity["id"]) == 1 and count_signups() == 1
    detail = get_json(client, world.a.resident, f"/activities/{activity['id']}")
    assert (detail["signed_up"], detail["my_status"]) == (1, "signed_up")
    mine = get_json(client, world.a.resident, "/my/activities")["items"]
    assert [(m["activity"]["id"], m["status"]) for m in mine] == [(activity["id"], "signed_up")]


def test_a_full_activity_refuses_unless_asked_to_wait(client, world, activity):
    people = [factories.resident() for _ in range(5)]
    db.session.commit()
    for person in people:
        signed_up(client, person, activity["id"])
    assert_error(sign_up(client, world.a.resident, activity["id"]), 409, "ACTIVITY_FULL")
    assert count_signups() == 5 and places_taken(activity["id"]) == 5
    # Already signed up wins over full: the earlier in the table's answer.
    assert_error(sign_up(client, people[0], activity["id"]), 409, "ALREADY_SIGNED_UP")
    waiting = signed_up(client, world.a.resident, activity["id"], {"waitlist": True})
    assert waiting["status"] == "waitlisted"
    assert places_taken(activity["id"]) == 5
    listed = get_json(client, world.a.member, "/activities")["items"][0]
    assert (listed["signed_up"], listed["capacity"]) == (5, 5)
    again = sign_up(client, world.a.resident, activity["id"], {"waitlist": True})
    assert_error(again, 409, "ALREADY_SIGNED_UP")


def test_a_cancellation_moves_the_first_waiting_up_and_tells_them(client, world, activity):
    people = [factories.resident() for _ in range(5)]
    db.session.commit()
    for person in people:
        signed_up(client, person, activity["id"])
    first, second = world.a.resident, world.b.member
    signed_up(client, first, activity["id"], {"waitlist": True})
    signed_up(client, second, activity["id"], {"waitlist": True})

    response = post(client, people[2], f"/activities/{activity['id']}/signup/cancel")
    assert response.status_code == 200 and response.get_json()["status"] == "cancelled"
    assert status_of(activity["id"], first.id) == "signed_up"
    assert status_of(activity["id"], second.id) == "waitlisted"
    assert places_taken(activity["id"]) == 5
    told = get_json(client, first, "/my/messages")["items"]
    assert [m["title"] for m in told] == ["候补成功，已为您保留名额"]
    assert get_json(client, second, "/my/messages")["items"] == []

    # A waiting one who cancels frees nothing; the place cancelled is free for anyone.
    assert post(client, second, f"/activities/{activity['id']}/signup/cancel").status_code == 200
    assert post(client, first, f"/activities/{activity['id']}/signup/cancel").status_code == 200
    assert places_taken(activity["id"]) == 4
    assert signed_up(client, people[2], activity["id"])["status"] == "signed_up"
    assert places_taken(activity["id"]) == 5


def test_more_places_take_the_waiting_in(client, world, activity):
    people = [factories.resident() for _ in range(5)]
    db.session.commit()
    for person in people:
        signed_up(client, person, activity["id"])
    signed_up(client, world.a.resident, activity["id"], {"waitlist": True})
    path = f"/staff/activities/{activity['id']}"
    response = call(client, world.a.staff, "patch", path, {"capacity": 6})
    assert response.status_code == 200 and response.get_json()["signed_up"] == 6
    assert status_of(activity["id"], world.a.resident.id) == "signed_up"
    fewer = call(client, world.a.staff, "patch", path, {"capacity": 3})
    assert_error(fewer, 422, "VALIDATION_ERROR")
    assert db.session.get(Activity, activity["id"]).capacity == 6


def test_cancel_until_the_start_only(client, world, activity, frozen_clock):
    path = f"/activities/{activity['id']}/signup/cancel"
    assert_error(post(client, world.a.resident, path), 409, "NOT_SIGNED_UP")
    signed_up(client, world.a.resident, activity["id"])
    signed_up(client, world.a.member, activity["id"])
    assert post(client, world.a.member, path).status_code == 200
    assert_error(post(client, world.a.member, path), 409, "SIGNUP_STATE_CONFLICT")
    frozen_clock.shift(timedelta(days=1, hours=4))  # Friday 14:00, the start
    assert_error(post(client, world.a.resident, path), 409, "SIGNUP_STATE_CONFLICT")
    assert status_of(activity["id"], world.a.resident.id) == "signed_up"
    assert places_taken(activity["id"]) == 1
    late = sign_up(client, world.b.resident, activity["id"])
    assert_error(late, 409, "ACTIVITY_STATE_CONFLICT")
    assert count_signups() == 2


def test_bad_input_is_refused_and_writes_nothing(client, world, frozen_clock):
    community = world.a.community
    bad = [
        activity_body(community, start="16:00", end="14:00"),
        activity_body(community, day="2026-11-25"),  # the past
        activity_body(community, capacity=0),
        activity_body(community, points=-1),
        activity_body(community) | {"start": "2026-11-27T14:00:00"},  # no offset
        activity_body(community, title=""),
        activity_body(community, address=None),
        activity_body(community, cover_url="ftp://x/y.png"),
        activity_body(community, audience="everyone"),
        activity_body(community, repeat_weeks=13),
        activity_body(community, venue_id=999999),
    ]
    for body in bad:
        response = post(client, world.a.staff, "/staff/activities", body)
        assert_error(response, 422, "VALIDATION_ERROR")
    outside = post(client, world.a.staff, "/staff/activities", activity_body(world.b.community))
    assert_error(outside, 404, "NOT_FOUND")
    assert db.session.query(Activity).count() == 0
    assert db.session.query(Message).count() == 0


def test_a_weekly_series_is_published_at_once(client, world, frozen_clock):
    first = published(client, world.a.staff, activity_body(world.a.community, repeat_weeks=4))
    activities = db.session.query(Activity).order_by(Activity.start_at).all()
    assert len(activities) == 4 and activities[0].id == first["id"]
    assert {a.series_id for a in activities} == {first["series_id"]}
    assert len({a.checkin_code for a in activities}) == 4
    gaps = {(b.start_at - a.start_at).days for a, b in itertools.pairwise(activities)}
    assert gaps == {7}
    assert len({a.announcement_id for a in activities}) == 1
