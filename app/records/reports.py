"""周六报到 (`CheckIn`) counted for the records: the one place the cards and the member
ledger read reports from."""

from __future__ import annotations

from datetime import datetime


def reports_count(member_ids: set[int], start: datetime, end: datetime) -> dict[int, int]:
    """{member id: Saturday reports in [start, end)}, members without any left out.

    The reports themselves (`CheckIn`, table `check_ins`) are built on the `duties` branch,
    not merged yet: until it is, there is nothing to count. At the merge this becomes one
    grouped query over `check_ins` (`app.counting.counts_by` on `CheckIn.user_id` and
    `CheckIn.created_at`, narrowed to `CheckIn.saturday`)."""
    return {}
