"""Reading the test database past what the test's session holds."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db


def count_rows(table, *where) -> int:
    """Rows of a model (or table) matching every condition in `where`."""
    return db.session.scalar(select(func.count()).select_from(table).where(*where))


def fresh(obj):
    """Re-read an object from the database, past anything the test session holds."""
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)
