"""An order as a write just left it, read with Core statements built once (no ORM objects,
no unit of work: the two hot writes, a new order and a grab, spend most of their time here).

The write's own `RETURNING` gives the order's columns; one more statement reads its item and
its timeline. An `OrderSnapshot` reads like an `Order` where the answer
(`app.orders.listing.detailed`), the access checks (`Viewer`) and the points credit read
one."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import CursorResult, Executable, Row, Table, bindparam, select

from app.cache.tracking import note_written
from app.catalog.models import CatalogItem
from app.extensions import db
from app.orders.models import Order, OrderEvent

ORDER_COLUMNS = [
    *("id", "status", "source", "community_id", "resident_id", "member_id", "description"),
    "address",
    *("contact_name", "contact_phone", "latitude", "longitude", "photos", "reject_reason"),
    *("completion_note", "completion_photos", "stars", "comment", "created_at", "updated_at"),
    "team_id",
]
ORDERS = cast(Table, Order.__table__)
EVENTS = cast(Table, OrderEvent.__table__)


# What a write returns: the columns the answer shows. (SQLite's RETURNING may name only the
# written table, so the item comes with the timeline.)
RETURNED = (*(ORDERS.c[name] for name in ORDER_COLUMNS), ORDERS.c.item_id, ORDERS.c.service_round)
_ITEMS = CatalogItem.__table__
EVENT_COLUMNS = ("id", "to_status", "from_status", "action", "at", "actor_id", "note")
# One row per event, each with the order's item (every order has its created event).
_ITEM_AND_TIMELINE = (
    select(
        _ITEMS.c.name.label("item_name"),
        _ITEMS.c.points.label("item_points"),
        *(EVENTS.c[name] for name in EVENT_COLUMNS),
    )
    .select_from(EVENTS.join(_ITEMS, _ITEMS.c.id == bindparam("item_id")))
    .where(EVENTS.c.order_id == bindparam("order_id"))
    .order_by(EVENTS.c.id)
)


class Item(NamedTuple):
    id: int
    name: str
    points: int


class Event(NamedTuple):
    """An event just written, as the timeline's read would give it."""

    id: int
    to_status: str
    from_status: str | None
    action: str
    at: datetime
    actor_id: int | None
    note: str | None


class OrderSnapshot:
    """A returned row of `RETURNED` with its item and timeline; its columns read as
    attributes."""

    __slots__ = ("events", "item", "row")

    def __init__(self, row: Row, item: Item, events: list[Row] | list[Event]) -> None:
        self.row, self.item, self.events = row, item, events

    def __getattr__(self, name: str) -> Any:
        return getattr(self.row, name)


def run(statement: Executable, params: dict, writes: tuple[str, ...] = ()) -> CursorResult:
    """A statement built once, on this transaction's connection: past the ORM session's own
    `execute`, which costs as much again as the statement for the hot writes. Pending ORM
    changes are flushed first, as the session would; a write names its table (a chained
    one, `writes`) for the ready answers' invalidation (`app.cache.tracking`), which the
    session would have seen."""
    session = db.session()
    session.flush()
    table = getattr(statement, "table", None)
    if table is not None or writes:
        note_written(*writes, *([table.name] if table is not None else []))
    return session.connection().execute(statement, params)


def snapshot(row: Row) -> OrderSnapshot:
    """The order of a returned row, with its item and its events read now (this
    transaction's included)."""
    ids = {"order_id": row.id, "item_id": row.item_id}
    events = list(run(_ITEM_AND_TIMELINE, ids))
    first = events[0]
    return OrderSnapshot(row, Item(row.item_id, first.item_name, first.item_points), events)
