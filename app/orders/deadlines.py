"""When an order is due: a response (dispatch or grab) within the item's `response_hours`,
completion within its `completion_hours`, both counted from creation by the item's
`deadline_basis` (calendar hours, or working hours on working days: `app.orders.calendar`).
Past due is overdue."""

from __future__ import annotations

from datetime import datetime

from flask import current_app, has_app_context
from sqlalchemy import Row, and_, or_

from app.catalog.models import CatalogItem
from app.orders.calendar import DEFAULT_WINDOW, Window, due_after, parse_window
from app.orders.models import Order
from app.orders.vocabulary import AWAITING_COMPLETION, AWAITING_RESPONSE


def deadlines(item: CatalogItem | Row, created_at: datetime) -> dict[str, datetime]:
    """The columns `respond_by` and `complete_by` of an order of `item` created then."""
    return {
        "respond_by": item_due(item, created_at, item.response_hours),
        "complete_by": item_due(item, created_at, item.completion_hours),
    }


def item_due(item: CatalogItem | Row, start: datetime, hours: float) -> datetime:
    """`hours` after `start` as the item's deadlines count them."""
    return basis_due(item.deadline_basis, start, hours)


def basis_due(basis: str, start: datetime, hours: float) -> datetime:
    """`hours` after `start`, counted by `basis` (an item's `deadline_basis`)."""
    return due_after(start, hours, basis, working_window())


def working_window() -> Window:
    """The working day of `WORKING_HOURS` (09:00-17:00 unless set)."""
    if not has_app_context():
        return DEFAULT_WINDOW
    return parse_window(current_app.config["WORKING_HOURS"])


def set_deadlines(order: Order, item: CatalogItem, created_at: datetime) -> None:
    for column, due in deadlines(item, created_at).items():
        setattr(order, column, due)


def overdue_clause(now: datetime):
    """SQL condition: the order is past its deadline for the stage it is in."""
    return or_(
        and_(Order.status.in_(AWAITING_RESPONSE), Order.respond_by < now),
        and_(Order.status.in_(AWAITING_COMPLETION), Order.complete_by < now),
    )


def is_overdue(order: Order, now: datetime) -> bool:
    if order.status in AWAITING_RESPONSE:
        return order.respond_by is not None and order.respond_by < now
    if order.status in AWAITING_COMPLETION:
        return order.complete_by is not None and order.complete_by < now
    return False
