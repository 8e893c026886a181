"""Counting the SQL statements a piece of code runs (for fixed-query-count tests)."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from app.extensions import db


@contextmanager
def count_queries():
    """Yields the list of statements run inside the block."""
    statements: list[str] = []

    def record(conn, cursor, statement, *args) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def queries_of_request(client, path: str, headers: dict | None = None) -> int:
    """Statements run by one GET, in an app context (so a session) of its own, as in
    production: nothing comes from the test's identity map."""
    with count_queries() as statements, client.application.app_context():
        response = client.get(path, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return len(statements)


@contextmanager
def statements_run():
    """Yields the list of (statement, parameters) run inside the block, to EXPLAIN them."""
    statements: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, *args) -> None:
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
