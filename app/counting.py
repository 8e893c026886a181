"""How many rows each user has in a period: the one grouped query behind every
`queries.counts(user_ids, start, end)` that 1+X progress (app.commitments) reads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import QueryableAttribute

from app.extensions import db


def counts_by(
    user: QueryableAttribute[Any],
    at: QueryableAttribute[Any],
    user_ids: set[int],
    start: datetime,
    end: datetime,
    counted: QueryableAttribute[Any] | None = None,
    narrowed: Select | None = None,
) -> dict[int, int]:
    """{user id: rows} for the users of `user_ids` with `at` in [start, end); `counted`:
    what to count distinctly (rows by default); `narrowed`: a select of `user` with the
    joins and conditions of what counts (the user's column's own table by default)."""
    if not user_ids:
        return {}
    tally = func.count(func.distinct(counted)) if counted is not None else func.count()
    stmt = (narrowed if narrowed is not None else select(user)).add_columns(tally)
    rows = db.session.execute(
        stmt.where(user.in_(sorted(user_ids)), at >= start, at < end).group_by(user)
    )
    return {user_id: count for user_id, count in rows if user_id is not None}
