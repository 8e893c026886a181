"""When an order is due: a response (dispatch or grab) within the item's `response_hours`,
completion within its `completion_hours`, both counted from creation. Past due is overdue."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Row, and_, or_

from app.catalog.models import CatalogItem
from app.orders.models import Order
from app.orders.vocabulary import AWAITING_COMPLETION, AWAITING_RESPONSE


def deadlines(item: CatalogItem | Row, created_at: datetime) -> dict[str, datetime]:
    """The columns `respond_by` and `complete_by` of an order of `item` created then."""
    return {
        "respond_by": created_at + timedelta(hours=item.response_hours),
        "complete_by": created_at + timedelta(hours=item.completion_hours),
    }


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
