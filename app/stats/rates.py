"""The rates defined once, for the dashboard's last days and any period's statistics:
- response_rate: of the orders created in the period that were not rejected or cancelled
  (those never needed a member), the share a member took (accepted, grabbed, or beyond);
- resolution_rate: of the same orders, the share completed, rated or closed;
- satisfaction_rate: of the ratings given in the period, the share with 4 or 5 stars.
A rate with nothing to count is None, never a division by zero."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, case, func, true

from app.orders.models import Order, OrderEvent
from app.orders.models import OrderStatus as S
from app.orders.vocabulary import FINISHED, TAKEN, Action

SATISFIED_STARS = 4
EVERY = true()  # no narrowing: the rows the statement already selects


def count(condition):
    return func.count(case((condition, 1)))


def order_rate_columns(created: ColumnElement[bool] = EVERY) -> tuple:
    """Counts of the orders matching `created` that needed a member, that one took, and that
    were resolved: the parts of the response and resolution rates."""
    needed = and_(created, Order.status.not_in((S.REJECTED, S.CANCELLED)))
    return (
        count(needed),
        count(and_(needed, Order.status.in_(TAKEN))),
        count(and_(needed, Order.status.in_(FINISHED))),
    )


def rating_columns(given: ColumnElement[bool] = EVERY) -> tuple:
    """Over the events joined to their orders: the ratings matching `given`, and those with
    4 or 5 stars (the parts of the satisfaction rate)."""
    rated = and_(OrderEvent.action == Action.RATE, given)
    return count(rated), count(and_(rated, Order.stars >= SATISFIED_STARS))


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None
