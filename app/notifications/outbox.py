"""The one way to tell users something: inbox messages, and for an event with a template,
their deliveries (the outbox), written in the caller's transaction.

`post` joins its caller's transaction: the change and what tells of it commit together or
not at all. The ids of the new deliveries wait in `session.info` until the commit, when
`app.worker` hands them to the queue; a rollback drops them with the rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cache
from typing import cast

from flask import current_app
from sqlalchemy import Table, insert

from app.cache.tracking import note_written
from app.clock import utcnow
from app.db_types import upsert
from app.extensions import db
from app.notifications.models import Delivery, DeliveryStatus, Message
from app.notifications.templates import Event, fitted

HANDOFF_KEY = "outbox.handoff"
_BATCH = 500
MESSAGES = cast(Table, Message.__table__)
DELIVERIES = cast(Table, Delivery.__table__)


def post(
    user_ids: Iterable[int],
    event: Event,
    *,
    key: str,
    title: str,
    body: str,
    page: str | None = None,
    fields: Mapping[str, object] | None = None,
    community_id: int | None = None,
    announcement_id: int | None = None,
    at: datetime | None = None,
) -> int:
    """Tell `user_ids` of `event`: one inbox message each (a `key` already told to a user is
    not told again) and, when `WECHAT_TEMPLATES` names a template for the event, a delivery
    of each new message with `fields` as its data (`at`: when it happened, if not now).
    Returns how many messages are new."""
    now = at or utcnow()
    common: dict[str, object] = {
        "event": event,
        "key": key,
        "title": title[:40],
        "body": body,
        "page": page,
    }
    common |= {"announcement_id": announcement_id, "created_at": now}
    rows = [{"user_id": user_id, **common} for user_id in dict.fromkeys(user_ids)]
    if not rows:
        return 0
    connection = db.session.connection()
    # Past the session's execute: named for the kept answers built from them (the console's
    # unread count), as the session would have noted them.
    note_written(MESSAGES.name, DELIVERIES.name)
    statement = _new_messages(connection.dialect.name)
    new: list = []
    for start in range(0, len(rows), _BATCH):
        new += connection.execute(statement, rows[start : start + _BATCH]).all()
    template = current_app.config["WECHAT_TEMPLATE_IDS"].get(event)
    if template and fields is not None and new:
        delivery = {"community_id": community_id, "template_id": template, "page": page}
        delivery |= {"data": fitted(fields), "status": DeliveryStatus.PENDING, "attempts": 0}
        delivery |= {"quota_used": False, "next_attempt_at": now, "created_at": now}
        deliveries = [{"message_id": m.id, "user_id": m.user_id, **delivery} for m in new]
        ids = connection.execute(_NEW_DELIVERIES, deliveries).scalars().all()
        db.session().info.setdefault(HANDOFF_KEY, []).extend(ids)
    return len(new)


@cache
def _new_messages(dialect: str):
    """Built once: the messages of users not yet told of their key, with their new ids (an
    executemany's rowcount is -1 on psycopg, so RETURNING counts)."""
    insert = upsert(Message, dialect).on_conflict_do_nothing()
    return insert.returning(MESSAGES.c.id, MESSAGES.c.user_id)


_NEW_DELIVERIES = insert(DELIVERIES).returning(DELIVERIES.c.id)


def handed_off(session) -> list[int]:
    """The deliveries a committed transaction wrote, taken from the session once."""
    return session.info.pop(HANDOFF_KEY, [])


def dropped(session) -> None:
    session.info.pop(HANDOFF_KEY, None)
