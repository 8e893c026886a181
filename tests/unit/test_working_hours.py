"""Deadlines in working hours: only 09:00-17:00 Beijing time on Chinese working days count
(public holidays off, 调休 weekend days on); calendar hours count every hour; a year
chinesecalendar has no data for counts Monday to Friday, with a warning."""

from datetime import UTC, datetime, time, timedelta

import pytest

from app.clock import BEIJING
from app.orders import calendar
from app.orders.calendar import (
    DeadlineBasis,
    add_working_hours,
    due_after,
    is_working_day,
    parse_window,
)


def bj(*args) -> datetime:
    return datetime(*args, tzinfo=BEIJING)


def test_national_day_does_not_count():
    # Wed Sept 30 2026 16:00: one hour that day, Oct 1-7 are holidays, seven on Thu Oct 8.
    due = add_working_hours(bj(2026, 9, 30, 16, 0), 8)
    assert due == bj(2026, 10, 8, 16, 0)
    assert due.tzinfo == UTC


def test_a_tiaoxiu_saturday_counts():
    # Fri Oct 9 2026 16:00: one hour, then Sat Oct 10 is a 调休 working day.
    assert add_working_hours(bj(2026, 10, 9, 16, 0), 8) == bj(2026, 10, 10, 16, 0)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ((2026, 9, 20), True),  # Sunday, 调休
        ((2026, 10, 10), True),  # Saturday, 调休
        ((2026, 2, 14), True),  # Saturday, 调休 (Spring Festival)
        ((2026, 2, 28), True),  # Saturday, 调休 (Spring Festival)
        ((2026, 10, 5), False),  # Monday, National Day
        ((2026, 10, 11), False),  # an ordinary Sunday
        ((2026, 11, 26), True),  # an ordinary Thursday
    ],
)
def test_working_days_know_holidays_and_tiaoxiu(day, working):
    assert is_working_day(datetime(*day).date()) is working


def test_time_outside_the_window_waits_for_the_next_opening():
    # Thu 20:00 counts from Fri 09:00; Fri 07:00 from 09:00 the same day.
    assert add_working_hours(bj(2026, 11, 26, 20, 0), 2) == bj(2026, 11, 27, 11, 0)
    assert add_working_hours(bj(2026, 11, 27, 7, 0), 2) == bj(2026, 11, 27, 11, 0)


def test_ending_at_the_close_is_due_at_the_close():
    assert add_working_hours(bj(2026, 11, 26, 9, 0), 8) == bj(2026, 11, 26, 17, 0)


def test_a_weekend_is_skipped():
    # Fri Nov 27 2026 15:00 + 4h: two hours Friday, two on Monday Nov 30.
    assert add_working_hours(bj(2026, 11, 27, 15, 0), 4) == bj(2026, 11, 30, 11, 0)


def test_the_window_is_a_setting():
    window = parse_window("08:30-12:00")
    assert window == (time(8, 30), time(12, 0))
    assert add_working_hours(bj(2026, 11, 26, 11, 0), 2, window) == bj(2026, 11, 27, 9, 30)


@pytest.mark.parametrize("text", ["9-17", "17:00-09:00", "09:00", "nonsense"])
def test_a_bad_window_is_refused(text):
    with pytest.raises(ValueError, match="WORKING_HOURS"):
        parse_window(text)


def test_calendar_hours_count_every_hour():
    start = bj(2026, 9, 30, 16, 0)
    assert due_after(start, 8, DeadlineBasis.HOURS) == start + timedelta(hours=8)
    assert due_after(start, 8, DeadlineBasis.WORKING_HOURS) == bj(2026, 10, 8, 16, 0)


def test_a_year_without_data_counts_monday_to_friday(caplog):
    # 2027 is beyond chinesecalendar's data: Fri Jan 1 2027 counts (no holiday known).
    calendar._warn_no_data.cache_clear()
    with caplog.at_level("WARNING", logger="app.orders.calendar"):
        assert add_working_hours(bj(2026, 12, 31, 16, 0), 2) == bj(2027, 1, 1, 10, 0)
        assert add_working_hours(bj(2027, 1, 8, 16, 0), 2) == bj(2027, 1, 11, 10, 0)
        assert not is_working_day(datetime(2027, 1, 9).date())  # a Saturday
    warnings = [r for r in caplog.records if "2027" in r.getMessage()]
    assert len(warnings) == 1  # once, however many days were asked about
