"""Urgent orders (一键通 presses) come first in the staff's lists while nobody has taken
them: a rank every staff list pages by (`app.pagination.paginate(rank=...)`)."""

from __future__ import annotations

from sqlalchemy import and_, case

from app.orders.models import Order, OrderSource
from app.orders.vocabulary import AWAITING_RESPONSE

URGENT_RANK = case(
    (and_(Order.source == OrderSource.DEVICE, Order.status.in_(AWAITING_RESPONSE)), 1), else_=0
)
