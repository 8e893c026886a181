"""Reading the test database past what the test's session holds, and scratch PostgreSQL
databases."""

from __future__ import annotations

import uuid
from contextlib import contextmanager

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.extensions import db


def count_rows(table, *where) -> int:
    """Rows of a model (or table) matching every condition in `where`."""
    return db.session.scalar(select(func.count()).select_from(table).where(*where))


def fresh(obj):
    """Re-read an object from the database, past anything the test session holds."""
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


@contextmanager
def fresh_postgresql_database(server_url: str, prefix: str = "migrations"):
    """A uniquely named database `<prefix>_<hex>` on the server of `server_url`, dropped
    afterwards (its connections closed by force)."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
