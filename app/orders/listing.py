"""Orders as the API shows them, written by hand for speed. The lists, the mini-program's
busiest reads, come from the columns of one page (one statement, no ORM objects); an order's
detail, the answer of every move, from the order and its events. Neither goes through a
schema: `listed` and `detailed` write exactly what OrderSchema and OrderDetailSchema dump for
the same order and viewer (tests/orders/test_listing.py holds them equal), and the schemas
still document the answers in OpenAPI."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Row, Select, select

from app.catalog.models import CatalogItem
from app.orders.access import Viewer
from app.orders.labels import STATUS_LABELS
from app.orders.models import Order, OrderEvent
from app.orders.schemas import mask_phone
from app.orders.snapshot import ORDER_COLUMNS, Event, OrderSnapshot
from app.orders.vocabulary import Action as A


def order_rows() -> Select:
    """The columns a listed order shows, its service item's included; add the filters."""
    return _ORDER_ROWS


# Built once: a statement is immutable, and building it cost more than running it.
_ORDER_ROWS = select(
    *(getattr(Order, name) for name in ORDER_COLUMNS),
    CatalogItem.name.label("item_name"),
    CatalogItem.points.label("item_points"),
    Order.item_id,
).join(CatalogItem, CatalogItem.id == Order.item_id)


def listed(row: Row, viewer: Viewer) -> dict:
    item = {"id": row.item_id, "name": row.item_name, "points": row.item_points}
    return _shown(row, viewer, item)


def detailed(order: Order | OrderSnapshot, viewer: Viewer) -> dict:
    item = order.item
    shown = _shown(order, viewer, {"id": item.id, "name": item.name, "points": item.points})
    shown["timeline"] = [_entry(event) for event in seen_events(order, viewer)]
    return shown


# The moves whose notes are written for everyone who sees the order: a reason given to the
# resident, who was sent, the member's completion note, a follow-up's outcome. Any other
# note (who entered an order on the resident's behalf, a new move's until it is named
# here) is for staff only.
PUBLIC_NOTES = frozenset(
    {A.REJECT, A.DISPATCH, A.REASSIGN, A.COMPLETE, A.FOLLOW_UP, A.REOPEN, A.DISPATCH_TEAM}
)
# Events of the staff's own work that change nothing the resident or the member waits on.
STAFF_EVENTS = frozenset({A.ESCALATE})


def seen_events(order: Order | OrderSnapshot, viewer: Viewer) -> list:
    """The timeline as `viewer` may see it. Staff of the order see every actor and note; the
    resident and the member see the ids of the order's resident and member only (never a
    staff member's), the public notes, and no escalation (超时督办)."""
    if viewer.manages(order):
        return list(order.events)
    shown_ids = {order.resident_id, order.member_id}
    return [
        Event(
            event.id,
            event.to_status,
            event.from_status,
            event.action,
            event.at,
            event.actor_id if event.actor_id in shown_ids else None,
            event.note if event.action in PUBLIC_NOTES else None,
        )
        for event in order.events
        if event.action not in STAFF_EVENTS
    ]


def _entry(event: OrderEvent | Row | Event) -> dict:
    return {
        "status": event.to_status,
        "status_label": STATUS_LABELS.get(event.to_status, ""),
        "from_status": event.from_status,
        "action": event.action,
        "at": _iso(event.at),
        "actor_id": event.actor_id,
        "note": event.note,
    }


def _shown(row: Row | Order | OrderSnapshot, viewer: Viewer, item: dict) -> dict:
    phone = row.contact_phone
    return {
        "id": row.id,
        "status": row.status,
        "status_label": STATUS_LABELS.get(row.status, ""),
        "source": row.source,
        "community_id": row.community_id,
        "resident_id": row.resident_id,
        "item": item,
        "description": row.description,
        "address": row.address,
        "contact_name": row.contact_name,
        "contact_phone": phone if viewer.sees_phone(row) else mask_phone(phone),
        "latitude": row.latitude,
        "longitude": row.longitude,
        "photos": row.photos,
        "member_id": row.member_id,
        "team_id": row.team_id,
        "reject_reason": row.reject_reason,
        "completion_note": row.completion_note,
        "completion_photos": row.completion_photos,
        "stars": row.stars,
        "comment": row.comment,
        "created_at": _iso(row.created_at),
        "updated_at": _iso(row.updated_at),
    }


def listed_page(page: dict, viewer: Viewer) -> dict:
    return {**page, "items": [listed(row, viewer) for row in page["items"]]}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
