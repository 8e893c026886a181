"""The app's clock, for tests: "now" and Beijing days as the app counts them."""
from __future__ import annotations

from app.db_types import utcnow
from app.stats.periods import beijing_today, day_start

__all__ = ["beijing_today", "day_start", "utcnow"]
