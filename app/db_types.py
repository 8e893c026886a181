"""Column and statement helpers shared by every model."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy.dialects import postgresql, sqlite


class UTCDateTime(TypeDecorator):
    """Stores aware UTC datetimes; SQLite drops the zone, so it is put back on read."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def upsert(model: Any, dialect: str) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that takes ON CONFLICT clauses, for the dialect in use (PostgreSQL or
    SQLite): how a unique key settles a race in one statement."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(model)


def rowcount(result: Any) -> int:
    """How many rows a session's UPDATE or DELETE changed (its result is a CursorResult)."""
    return int(result.rowcount or 0)
