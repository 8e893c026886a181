"""周六报到 (`CheckIn`, app/duties) counted for the records: the one place the cards and the
member ledger read reports from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.counting import counts_by
from app.duties.models import CheckIn


def reports_count(member_ids: set[int], start: datetime, end: datetime) -> dict[int, int]:
    """{member id: Saturday reports in [start, end)}, members without any left out: one
    grouped query."""
    return counts_by(
        CheckIn.user_id,
        CheckIn.created_at,
        member_ids,
        start,
        end,
        narrowed=select(CheckIn.user_id).where(CheckIn.saturday.is_(True)),
    )
