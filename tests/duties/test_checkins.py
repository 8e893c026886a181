"""周六报到 over HTTP: a member scans the liaison venue's code of this week within its radius;
a forged code, last week's code, a replaced venue's code or a place too far is refused and
writes nothing; a second scan the same day answers the first; Saturdays are marked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.duties.models import CheckIn
from tests.helpers.api import assert_error, auth, call, get_json, post
from tests.helpers.concurrency import racing_app, run_together
from tests.helpers.duties import (
    SATURDAY,
    code_of,
    count_checkins,
    last_week,
    liaison,
    report_body,
    venue,
)


@pytest.fixture
def saturday(frozen_clock):
    frozen_clock.move_to(SATURDAY)
    return frozen_clock


def test_a_saturday_report_is_marked_and_a_second_scan_answers_the_first(saturday, client, world):
    station = liaison(world.a.community)
    first = post(client, world.a.member, "/member/checkins", report_body(station, meters=120))
    assert first.status_code == 201, first.get_json()
    body = first.get_json()
    assert body["saturday"] is True and body["day"] == "2026-11-28"
    assert (body["venue_id"], body["community_id"]) == (station.id, world.a.community.id)
    assert body["distance_m"] == 120

    saturday.shift(timedelta(hours=3))
    again = post(client, world.a.member, "/member/checkins", report_body(station, meters=10))
    assert again.status_code == 200 and again.get_json() == body
    assert count_checkins() == 1
    mine = get_json(client, world.a.member, "/member/checkins")
    assert [item["id"] for item in mine["items"]] == [body["id"]]
    assert mine["next_cursor"] is None


def test_a_weekday_report_is_an_ordinary_one(frozen_clock, client, world):
    station = liaison(world.a.community)  # the frozen clock is a Thursday
    response = post(client, world.a.member, "/member/checkins", report_body(station))
    assert response.status_code == 201 and response.get_json()["saturday"] is False


@pytest.mark.parametrize(
    "case", ["forged", "tampered", "last week", "next week", "too far", "no number"]
)
def test_refused_reports_write_nothing(saturday, client, world, case):
    station = liaison(world.a.community)
    good = code_of(station)
    body = {
        "forged": report_body(station, code="eyJ2IjoxLCJ3IjoiMjAyNi1XNDgifQ.forged"),
        "tampered": report_body(station, code=good[:-2] + ("AA" if good[-2:] != "AA" else "BB")),
        "last week": report_body(station, code=code_of(station, last_week(saturday.now))),
        "next week": report_body(station, code=code_of(station, saturday.now + timedelta(7))),
        "too far": report_body(station, meters=450),
        "no number": {**report_body(station), "latitude": "28.68"},
    }[case]
    error = assert_error(
        post(client, world.a.member, "/member/checkins", body), 422, "VALIDATION_ERROR"
    )
    field = {"too far": "latitude", "no number": "latitude"}.get(case, "code")
    assert field in error["details"], error
    if case == "last week":
        assert "过期" in error["message"]
    if case == "too far":
        assert "450 米" in error["message"] and "300 米" in error["message"]
    assert count_checkins() == 0


def test_a_code_of_a_venue_no_longer_the_liaison_venue_is_refused(saturday, client, world):
    old = liaison(world.a.community)
    new = venue(world.a.community, name="新的报到点")
    chosen = call(
        client,
        world.a.staff,
        "put",
        f"/staff/communities/{world.a.community.id}/liaison-venue",
        {"venue_id": new.id},
    )
    assert chosen.status_code == 200 and chosen.get_json()["venue_id"] == new.id
    error = assert_error(
        post(client, world.a.member, "/member/checkins", report_body(old)), 422, "VALIDATION_ERROR"
    )
    assert "停用" in error["message"]
    assert post(client, world.a.member, "/member/checkins", report_body(new)).status_code == 201


def test_only_an_approved_member_of_the_venues_community_reports(saturday, client, world):
    station = liaison(world.a.community)
    assert_error(
        post(client, world.b.member, "/member/checkins", report_body(station)),
        409,
        "NOT_COMMUNITY_MEMBER",
    )
    assert_error(
        post(client, world.a.resident, "/member/checkins", report_body(station)), 403, "FORBIDDEN"
    )
    assert count_checkins() == 0


def test_the_radius_is_configured(saturday, app, client, world):
    station = liaison(world.a.community)
    app.config["CHECKIN_RADIUS_M"] = 500
    try:
        response = post(client, world.a.member, "/member/checkins", report_body(station, 450))
    finally:
        app.config["CHECKIN_RADIUS_M"] = 300
    assert response.status_code == 201
    assert count_checkins(CheckIn.distance_m == 450) == 1


@pytest.mark.postgresql
def test_two_scans_at_once_make_one_report(saturday, app, world):
    station = liaison(world.a.community)
    body, headers = report_body(station), auth(world.a.member)
    with racing_app(4) as race:
        results = run_together(race, [("/member/checkins", headers, body)] * 4)
    assert sorted(status for status, _ in results) == [200, 200, 200, 201], results
    assert len({answer["id"] for _, answer in results}) == 1
    assert count_checkins() == 1
