"""Opening hours read as a week: the days a line names, its span, and whether a stay fits."""

from datetime import date, datetime

import pytest

from app.clock import BEIJING
from app.geo.hours import days_of, is_open, is_public_holiday, open_throughout, span_of, week_of

WEEK = week_of(
    [
        {"days": "周一至周五", "hours": "08:30-12:00"},
        {"days": "周一至周五", "hours": "14:30-17:30"},
        {"days": "周六", "hours": "09:00-12:00"},
    ]
)
NEVER_CLOSED = lambda day: False  # noqa: E731


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=BEIJING)


@pytest.mark.parametrize(
    "text, days",
    [
        ("周一至周五", {0, 1, 2, 3, 4}),
        ("周六、周日", {5, 6}),
        ("每天", set(range(7))),
        ("工作日", {0, 1, 2, 3, 4}),
        ("周二至周日", {1, 2, 3, 4, 5, 6}),
        ("星期三", {2}),
        ("周一、周三至周五", {0, 2, 3, 4}),
    ],
)
def test_days_of_reads_the_usual_ways_of_naming_days(text, days):
    assert days_of(text) == days


@pytest.mark.parametrize("text", ["随时", "周五至周一", "", "周八"])
def test_days_of_refuses_what_does_not_name_days(text):
    with pytest.raises(ValueError):
        days_of(text)


def test_span_of_reads_a_span_and_midnight():
    assert span_of("08:30-17:30")[0].isoformat() == "08:30:00"
    assert span_of("18:00-24:00")[1].hour == 23
    for bad in ["17:30-08:30", "8点-9点", "25:00-26:00", "09:00-09:00"]:
        with pytest.raises(ValueError):
            span_of(bad)


def test_is_open_inside_a_span_only():
    assert is_open(WEEK, at("2026-12-07T09:00"), NEVER_CLOSED)  # a Monday morning
    assert not is_open(WEEK, at("2026-12-07T13:00"), NEVER_CLOSED)  # lunch break
    assert not is_open(WEEK, at("2026-12-07T17:30"), NEVER_CLOSED)  # the closing minute
    assert not is_open(WEEK, at("2026-12-06T10:00"), NEVER_CLOSED)  # Sunday
    assert not is_open(WEEK, at("2026-12-07T09:00"), lambda day: day == date(2026, 12, 7))


def test_open_throughout_needs_one_span_for_the_whole_stay():
    assert open_throughout(WEEK, at("2026-12-07T08:30"), at("2026-12-07T12:00"), NEVER_CLOSED)
    # Across the lunch closing, across the evening closing, on a closed day: no.
    assert not open_throughout(WEEK, at("2026-12-07T11:00"), at("2026-12-07T15:00"), NEVER_CLOSED)
    assert not open_throughout(WEEK, at("2026-12-07T17:00"), at("2026-12-07T18:00"), NEVER_CLOSED)
    assert not open_throughout(
        WEEK, at("2026-12-07T09:00"), at("2026-12-07T10:00"), lambda day: True
    )


def test_a_stay_may_end_at_midnight_where_the_place_is_open_until_24():
    late = week_of([{"days": "每天", "hours": "18:00-24:00"}])
    assert open_throughout(late, at("2026-12-07T22:00"), at("2026-12-08T00:00"), NEVER_CLOSED)
    assert not open_throughout(late, at("2026-12-07T23:00"), at("2026-12-08T00:30"), NEVER_CLOSED)


def test_unreadable_kept_hours_open_nothing():
    assert week_of([{"days": "随时", "hours": "都行"}]) == ((),) * 7


def test_public_holidays_are_not_plain_weekends():
    assert is_public_holiday(date(2026, 10, 1))  # 国庆节
    assert not is_public_holiday(date(2026, 12, 5))  # a Saturday
    assert not is_public_holiday(date(2026, 12, 7))
