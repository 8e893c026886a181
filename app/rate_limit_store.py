"""A rate-limit storage in one SQLite file, for a server without Redis: every gunicorn worker
of the server counts in the same file, so a limit of 20 a minute is 20, not 20 per worker.
Several app servers share their counts through Redis instead (REDIS_URL)."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from typing import Any

from limits.storage import Storage

SCHEME = "sqlitefile"


class SQLiteFileStorage(Storage):
    """Fixed-window counters (`limits`' default strategy): `sqlitefile:///path/to/file.db`."""

    STORAGE_SCHEME = [SCHEME]  # noqa: RUF012 - the type limits declares

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options: Any) -> None:
        super().__init__(uri, wrap_exceptions, **options)
        self.path = uri.removeprefix(f"{SCHEME}://")
        with closing(self._connect()) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS counters ("
                "key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires_at REAL NOT NULL)"
            )
            conn.execute("CREATE INDEX IF NOT EXISTS counters_expiry ON counters (expires_at)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=5, isolation_level=None)

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        with closing(self._connect()) as conn:
            conn.execute("BEGIN IMMEDIATE")  # one writer at a time: the count is exact
            # Every ended window goes, not only this key's: the file keeps live counts only.
            conn.execute("DELETE FROM counters WHERE expires_at <= ?", (now,))
            (value,) = conn.execute(
                "INSERT INTO counters (key, value, expires_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = value + excluded.value "
                "RETURNING value",
                (key, amount, now + expiry),
            ).fetchone()
            conn.execute("COMMIT")
        return int(value)

    def get(self, key: str) -> int:
        row = self._live(key)
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._live(key)
        return float(row[1]) if row else time.time()

    def _live(self, key: str) -> tuple[int, float] | None:
        with closing(self._connect()) as conn:
            return conn.execute(
                "SELECT value, expires_at FROM counters WHERE key = ? AND expires_at > ?",
                (key, time.time()),
            ).fetchone()

    def check(self) -> bool:
        try:
            with closing(self._connect()) as conn:
                conn.execute("SELECT 1")
            return True
        except sqlite3.Error:
            return False

    def reset(self) -> int | None:
        with closing(self._connect()) as conn:
            return conn.execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        with closing(self._connect()) as conn:
            conn.execute("DELETE FROM counters WHERE key = ?", (key,))
