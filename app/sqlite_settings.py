"""SQLite as a server's database for several workers at once.

- Write-ahead logging: readers never block the writer nor the writer the readers.
  synchronous=NORMAL is SQLite's advice for WAL: no corruption on a crash; a power cut may
  lose the last commits.
- A writer that finds the lock taken waits for it (busy_timeout) instead of failing.
- Every use case takes the write lock before its first read (`begin_writing`, from
  app.transaction). A transaction that read first and writes later cannot wait for the lock:
  once another worker has committed since its read, SQLite refuses it at once with "database
  is locked" (its snapshot is stale, or two such transactions would deadlock). Reads outside
  use cases take no lock at all (the driver opens a transaction only for a write)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine, event

from app.extensions import db

BUSY_TIMEOUT_MS = 15_000


def install() -> None:
    if not event.contains(Engine, "connect", _configure):
        event.listen(Engine, "connect", _configure)


def _configure(dbapi_connection, connection_record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")  # kept in the file; "memory" for :memory:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def begin_writing() -> None:
    """On SQLite, BEGIN IMMEDIATE unless a transaction is open already."""
    connection = db.session.connection()
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.driver_connection
    if isinstance(driver, sqlite3.Connection) and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
