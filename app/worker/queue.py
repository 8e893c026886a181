"""The queue, bound to the app's settings at start-up, and the outbox's hand-off to it.

The queue object is made once per process (tasks register on it at import); `init_app` gives
it its storage. A commit that wrote deliveries hands their ids to the queue; if that fails
(Redis gone, the process killed), the deliveries stay pending in the database and the
worker's sweep sends them (`app.worker.tasks.sweep_outbox`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from flask import Flask
from huey import Huey
from huey.storage import MemoryStorage, RedisStorage, SqliteStorage
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.notifications.outbox import dropped, handed_off

log = logging.getLogger(__name__)

queue = Huey("shaoxian", results=False, utc=True, storage_class=MemoryStorage)
_apps: list[Flask] = []
# The task that sends deliveries (`app.worker.tasks` registers it with `sends_deliveries`).
_sender: list[Callable[[list[int]], object]] = []
HANDOFF_BATCH = 100


def sends_deliveries(task: Callable[[list[int]], object]) -> Callable[[list[int]], object]:
    _sender[:] = [task]
    return task


def init_app(app: Flask) -> None:
    queue.storage = _storage(app)
    _apps[:] = [app]
    if not event.contains(Session, "after_commit", _hand_off):
        event.listen(Session, "after_commit", _hand_off)
        event.listen(Session, "after_soft_rollback", _drop)


def _storage(app: Flask):
    kind = app.config["QUEUE_STORAGE"]
    redis_url = app.config.get("REDIS_URL")
    if kind == "memory":
        return MemoryStorage(queue.name)
    if kind == "redis" or (kind == "auto" and redis_url):
        return RedisStorage(queue.name, url=redis_url or app.config["QUEUE_REDIS_URL"])
    path = Path(app.config["QUEUE_SQLITE_PATH"])
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteStorage(queue.name, filename=str(path))


def bound_app() -> Flask:
    """The app the tasks of this process run in (the worker's, or the last one made)."""
    return _apps[0]


def _hand_off(session: Session) -> None:
    ids = handed_off(session)
    if not ids or not _sender:
        return
    try:
        for start in range(0, len(ids), HANDOFF_BATCH):
            _sender[0](ids[start : start + HANDOFF_BATCH])
    except Exception:
        # Committed all the same: the sweep finds them.
        log.exception("could not hand %s deliveries to the queue; the sweep will", len(ids))


def _drop(session: Session, previous_transaction) -> None:
    if previous_transaction.parent is None:
        dropped(session)
