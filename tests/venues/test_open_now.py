"""`open_now` on every venue answer, at the time of the request (Beijing time): the weekly
hours, less the closed dates and, for a venue that closes on them, statutory holidays. The
ready answers carry it, so they are built again once their minute has passed; the ETag
changes only when the body does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from tests.helpers.api import item_ids

LIST = "/api/v1/venues"
# 国庆节 2026, a Thursday: 10:00 in Beijing.
NATIONAL_DAY = datetime(2026, 10, 1, 2, 0, tzinfo=UTC)


def open_now_of(client, venue_id: int) -> tuple[bool, bool, bool]:
    """open_now in the list, the search near the venue and the detail."""
    listed = client.get(LIST).get_json()["items"]
    [item] = [v for v in listed if v["id"] == venue_id]
    venue = client.get(f"{LIST}/{venue_id}").get_json()
    near = {"lat": venue["latitude"], "lng": venue["longitude"]}
    [found] = [
        v for v in client.get(LIST, query_string=near).get_json()["items"] if v["id"] == venue_id
    ]
    return item["open_now"], found["open_now"], venue["open_now"]


def test_open_within_the_weekly_hours(frozen_clock, client, kept):
    assert open_now_of(client, kept["a"].id) == (True, True, True)  # Thursday 10:00


@pytest.mark.parametrize(
    "beijing", ["2026-11-26T08:29:59", "2026-11-26T17:30:00", "2026-11-28T10:00:00"]
)
def test_closed_outside_them(frozen_clock, client, kept, beijing):
    frozen_clock.move_to(datetime.fromisoformat(beijing + "+08:00"))
    assert open_now_of(client, kept["a"].id) == (False, False, False)


def test_closed_on_a_closed_date(frozen_clock, client, kept):
    kept["a"].closed_dates = [{"date": "2026-11-26", "reason": "设备检修"}]
    db.session.commit()
    assert open_now_of(client, kept["a"].id) == (False, False, False)
    assert open_now_of(client, kept["b"].id) == (True, True, True)


def test_a_statutory_holiday_closes_only_the_venues_that_close_on_them(frozen_clock, client, kept):
    kept["a"].closed_on_holidays = True
    db.session.commit()
    frozen_clock.move_to(NATIONAL_DAY)
    assert open_now_of(client, kept["a"].id) == (False, False, False)
    assert open_now_of(client, kept["b"].id) == (True, True, True)


def test_a_kept_answer_tells_open_now_anew_when_the_minute_passes(frozen_clock, client, kept):
    frozen_clock.move_to(datetime.fromisoformat("2026-11-26T17:29:30+08:00"))
    first = client.get(LIST)
    assert [v["open_now"] for v in first.get_json()["items"]] == [True, True]
    etag = first.headers["ETag"]

    frozen_clock.shift(timedelta(seconds=20))  # 17:29:50: the same minute, the kept answer
    assert client.get(LIST, headers={"If-None-Match": etag}).status_code == 304

    frozen_clock.shift(timedelta(seconds=15))  # 17:30:05: closed
    later = client.get(LIST, headers={"If-None-Match": etag})
    assert later.status_code == 200
    assert [v["open_now"] for v in later.get_json()["items"]] == [False, False]
    assert later.headers["ETag"] != etag


def test_the_etag_stays_while_the_body_does(frozen_clock, client, kept):
    first = client.get(LIST)
    frozen_clock.shift(timedelta(minutes=3))  # rebuilt, still open: the same body
    again = client.get(LIST, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_an_edit_shows_at_once_within_the_minute(frozen_clock, client, kept):
    assert item_ids(client.get(LIST).get_json()) == [kept["a"].id, kept["b"].id]
    kept["b"].hidden = True
    db.session.commit()
    assert item_ids(client.get(LIST).get_json()) == [kept["a"].id]
