"""Opening hours as a place shows them (`{"days": "周一至周五", "hours": "08:30-17:30"}`, one
entry a span) read as a week, in Beijing time. Pure functions of their arguments, unit-tested
in tests/unit/test_opening_hours.py; venues add their closed days (app/venues/hours.py)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from functools import cache

import chinese_calendar

from app.clock import BEIJING

log = logging.getLogger(__name__)

Span = tuple[time, time]
Week = tuple[tuple[Span, ...], ...]  # seven days, Monday first

DAY_NAMES = "一二三四五六日"
_WHOLE = {
    "每天": range(7),
    "每日": range(7),
    "全天": range(7),
    "工作日": range(5),
    "周末": range(5, 7),
    "双休日": range(5, 7),
}
_DAY = r"(?:周|星期)([一二三四五六日天])"
_ONE = re.compile(rf"^{_DAY}$")
_RANGE = re.compile(rf"^{_DAY}\s*(?:至|到|-|~|—)\s*{_DAY}$")
_SPAN = re.compile(r"^(\d{1,2}):(\d{2})\s*(?:-|~|—|至)\s*(\d{1,2}):(\d{2})$")


def _day_index(name: str) -> int:
    return 6 if name == "天" else DAY_NAMES.index(name)


def days_of(text: str) -> frozenset[int]:
    """`"周一至周五"`, `"周六、周日"`, `"每天"`, `"工作日"`: the weekdays (Monday 0) it names."""
    days: set[int] = set()
    for part in re.split(r"[、，,/\s]+", text.strip()):
        if not part:
            continue
        if part in _WHOLE:
            days.update(_WHOLE[part])
        elif one := _ONE.match(part):
            days.add(_day_index(one[1]))
        elif both := _RANGE.match(part):
            first, last = _day_index(both[1]), _day_index(both[2])
            if first > last:
                raise ValueError(f"“{part}”的起止日颠倒了")
            days.update(range(first, last + 1))
        else:
            raise ValueError(f"看不懂“{part}”，应写作“周一至周五”“周六、周日”或“每天”")
    if not days:
        raise ValueError("请写明哪几天开放")
    return frozenset(days)


def span_of(text: str) -> Span:
    """`"08:30-17:30"`: the opening and the closing time; `24:00` closes at midnight."""
    found = _SPAN.match(text.strip())
    if found is None:
        raise ValueError(f"看不懂“{text}”，应写作“08:30-17:30”")
    opens_h, opens_m, closes_h, closes_m = (int(g) for g in found.groups())
    if opens_h > 23 or opens_m > 59 or closes_m > 59 or (closes_h, closes_m) > (24, 0):
        raise ValueError(f"“{text}”不是有效的时间")
    opens = time(opens_h, opens_m)
    closes = time.max if closes_h == 24 else time(closes_h, closes_m)
    if closes <= opens:
        raise ValueError(f"“{text}”的关门时间应晚于开门时间")
    return opens, closes


def check_entry(entry: dict) -> None:
    """Raise ValueError, in Chinese, unless `entry` reads as days and a span."""
    days_of(str(entry.get("days", "")))
    span_of(str(entry.get("hours", "")))


def week_of(entries: Iterable[dict]) -> Week:
    """The spans of each weekday. Kept data that does not read (written before it was
    checked) opens nothing, with a warning."""
    return _week(tuple((str(e.get("days", "")), str(e.get("hours", ""))) for e in entries))


@cache
def _week(entries: tuple[tuple[str, str], ...]) -> Week:
    days: list[list[Span]] = [[] for _ in range(7)]
    for days_text, hours_text in entries:
        try:
            weekdays, span = days_of(days_text), span_of(hours_text)
        except ValueError:
            log.warning("opening hours %r %r do not read; they open nothing", days_text, hours_text)
            continue
        for weekday in weekdays:
            days[weekday].append(span)
    return tuple(tuple(sorted(spans)) for spans in days)


def is_open(week: Week, at: datetime, closed: Callable[[date], bool]) -> bool:
    """Whether the place is open at the instant `at`."""
    local = at.astimezone(BEIJING)
    if closed(local.date()):
        return False
    moment = local.time()
    return any(opens <= moment < closes for opens, closes in week[local.weekday()])


def open_throughout(
    week: Week, start: datetime, end: datetime, closed: Callable[[date], bool]
) -> bool:
    """Whether one opening span of one open day holds the whole of [start, end): a stay
    across the closing time, or past midnight, is not."""
    first, last = start.astimezone(BEIJING), end.astimezone(BEIJING)
    if closed(first.date()):
        return False
    if last.date() != first.date():
        # Ending exactly at midnight ends the day, for a place open until 24:00.
        if last.date().toordinal() - first.date().toordinal() != 1 or last.time() != time():
            return False
        last_moment = time.max
    else:
        last_moment = last.time()
    return any(
        opens <= first.time() and last_moment <= closes for opens, closes in week[first.weekday()]
    )


def is_public_holiday(day: date) -> bool:
    """A statutory holiday (元旦, 春节 …), not a plain weekend. Without data for the year
    (chinesecalendar knows the years the State Council has announced), none is."""
    try:
        holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return False
    return bool(holiday and name)
