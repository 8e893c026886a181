"""The clock in tests: "now" and Beijing days as the app counts them, and `frozen_clock`.

The app takes every "now" from `datetime.now(timezone.utc)` (`utcnow`), and signs tokens and
sessions with `time.time()`; time_machine patches both. Under the `frozen_clock` fixture the
app, the factories and the test see one instant, FROZEN_AT unless moved, which changes only
when the test says so: a test of "today", a deadline or an expiry cannot flake at midnight or
on a slow machine.

    def test_the_lock_ends_after_its_time(frozen_clock, client, world):
        ...  # five wrong passwords
        frozen_clock.shift(timedelta(minutes=15, seconds=1))

Request it before `world` (or with `pytest.mark.usefixtures("frozen_clock")`) when the
world's own timestamps matter. A real sleep stays only where real time is the point (a slow
server answering after a timeout, a window counted by another process).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from app.clock import beijing_today, day_start, utcnow

__all__ = ["FROZEN_AT", "FrozenClock", "beijing_today", "day_start", "frozen_clock", "utcnow"]

# A Thursday, 10:00 in Beijing: mid-morning, far from either midnight.
FROZEN_AT = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


class FrozenClock:
    """The instant every clock of the process shows; it moves only by `move_to` or `shift`."""

    def __init__(self, traveller) -> None:
        self._traveller = traveller

    @property
    def now(self) -> datetime:
        return utcnow()

    def move_to(self, when: datetime) -> None:
        self._traveller.move_to(when)

    def shift(self, delta: timedelta) -> None:
        self._traveller.shift(delta)


@pytest.fixture
def frozen_clock():
    with time_machine.travel(FROZEN_AT, tick=False) as traveller:
        yield FrozenClock(traveller)
