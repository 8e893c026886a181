"""The one way to tell users something: inbox messages, and for an event with a template,
their deliveries (the outbox), written in the caller's transaction.

`post` joins its caller's transaction: the change and what tells of it commit together or
not at all. The ids of the new deliveries wait in `session.info` until the commit, when
`app.worker` hands them to the queue; a rollback drops them with the rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import cast

from flask import current_app
from sqlalchemy import Table, false, literal, select

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
) -> int:
    """Tell `user_ids` of `event`: one inbox message each (a `key` already told to a user is
    not told again) and, when `WECHAT_TEMPLATES` names a template for the event, a delivery
    of each new message with `fields` as its data. Returns how many messages are new."""
    now = utcnow()
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
    session = db.session()
    dialect = session.get_bind().dialect.name
    connection = session.connection()
    # Past the session's execute: named for the kept answers built from them (the console's
    # unread count), as the session would have noted them.
    note_written(MESSAGES.name, DELIVERIES.name)
    new = 0
    for start in range(0, len(rows), _BATCH):
        chunk = rows[start : start + _BATCH]
        # Counted from RETURNING: an executemany's rowcount is -1 on psycopg.
        statement = upsert(Message, dialect).on_conflict_do_nothing().returning(MESSAGES.c.id)
        new += len(connection.execute(statement, chunk).all())
    template = current_app.config["WECHAT_TEMPLATE_IDS"].get(event)
    if template and fields is not None and new:
        _add_deliveries(dialect, key, event, template, fitted(fields), page, community_id, now)
    return new


def _add_deliveries(dialect, key, event, template, data, page, community_id, now) -> None:
    """One delivery per message of `key` that has none, in one INSERT … SELECT."""
    columns = ["message_id", "user_id", "community_id", "template_id", "data", "page"]
    columns += ["status", "attempts", "quota_used", "next_attempt_at", "created_at"]
    source = select(
        MESSAGES.c.id,
        MESSAGES.c.user_id,
        literal(community_id, DELIVERIES.c.community_id.type),
        literal(template, DELIVERIES.c.template_id.type),
        literal(data, DELIVERIES.c.data.type),
        literal(page, DELIVERIES.c.page.type),
        literal(DeliveryStatus.PENDING.value, DELIVERIES.c.status.type),
        literal(0),
        false(),
        literal(now, DELIVERIES.c.next_attempt_at.type),
        literal(now, DELIVERIES.c.created_at.type),
    ).where(MESSAGES.c.key == key, MESSAGES.c.event == event)
    statement = (
        upsert(Delivery, dialect)
        .from_select(columns, source)
        .on_conflict_do_nothing(index_elements=["message_id"])
        .returning(DELIVERIES.c.id)
    )
    ids = db.session.connection().execute(statement).scalars().all()
    db.session().info.setdefault(HANDOFF_KEY, []).extend(ids)


def handed_off(session) -> list[int]:
    """The deliveries a committed transaction wrote, taken from the session once."""
    return session.info.pop(HANDOFF_KEY, [])


def dropped(session) -> None:
    session.info.pop(HANDOFF_KEY, None)
