"""Batched inserts for large loads: PostgreSQL's COPY through the session's own psycopg
connection (so inside its transaction), and executemany in batches elsewhere (SQLite).

Rows carry their ids: the loader numbers them itself, from the table's highest id, so that
orders, their events and their ledger entries can point at each other without reading
anything back. `finish` then moves PostgreSQL's id sequences past what was written."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.schema import AddConstraint, CreateIndex, DropConstraint, DropIndex

from app.cache.tracking import note_written
from app.extensions import db


class BulkWriter:
    def __init__(self) -> None:
        self.connection: Connection = db.session.connection()
        self.postgresql = self.connection.dialect.name == "postgresql"
        self._next_id: dict[str, int] = {}
        self.written: dict[str, int] = {}

    def ids(self, model: Any, count: int) -> range:
        """`count` new ids of `model`'s table, after its highest id and those already handed
        out."""
        table = _table(model)
        if table.name not in self._next_id:
            highest = self.connection.scalar(select(func.max(table.c.id)))
            self._next_id[table.name] = (highest or 0) + 1
        first = self._next_id[table.name]
        self._next_id[table.name] = first + count
        return range(first, first + count)

    def write(self, model: Any, rows: list[dict]) -> None:
        """Insert `rows` (dicts with every column, ids included) into `model`'s table."""
        table = _table(model)
        if not rows:
            return
        if self.postgresql:
            self._copy(table, rows)
        else:
            self.connection.execute(table.insert(), rows)
        self.written[table.name] = self.written.get(table.name, 0) + len(rows)
        note_written(table.name)  # past the session: the caches built from it still drop

    def _copy(self, table: Table, rows: list[dict]) -> None:
        columns = list(rows[0])
        names = ", ".join(f'"{name}"' for name in columns)
        driver = self.connection.connection.driver_connection
        assert driver is not None
        with (
            driver.cursor() as cursor,
            cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row([_copy_value(row[name]) for name in columns])

    @contextmanager
    def checks_deferred(self, models: Iterable[Any]) -> Iterator[None]:
        """On PostgreSQL, the foreign keys and secondary indexes of `models`' tables are
        dropped for the block and made again after it, in the same transaction: one join
        checks each key and one sort builds each index, instead of a check and an index
        insert per row. The tables are locked meanwhile (the load is not for a database in
        use); a failed load rolls the drops back with everything else."""
        if not self.postgresql:
            yield
            return
        tables = [_table(model) for model in models]
        keys = [key for table in tables for key in table.foreign_key_constraints]
        indexes = [index for table in tables for index in table.indexes]
        for key in keys:
            self.connection.execute(DropConstraint(key))
        for index in indexes:
            self.connection.execute(DropIndex(index))
        yield
        for index in indexes:
            self.connection.execute(CreateIndex(index))
        for key in keys:
            self.connection.execute(AddConstraint(key))

    def finish(self, models: Iterable[Any]) -> None:
        """After the load: PostgreSQL's sequences continue after the highest id."""
        if not self.postgresql:
            return
        for table in map(_table, models):
            self.connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table.name}))"
                )
            )


def vacuum_analyze(models: Iterable[Any]) -> None:
    """After the load's commit, on PostgreSQL: the planner's statistics for the new sizes,
    and the visibility map that lets index-only scans skip the table (VACUUM runs outside
    a transaction, so this is not part of the load's)."""
    if db.engine.dialect.name != "postgresql":
        return
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for table in map(_table, models):
            connection.execute(text(f"VACUUM (ANALYZE) {table.name}"))


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def _copy_value(value):
    # JSON columns hold lists: COPY takes their text.
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value
