"""What an order earns its member (先锋积分): the item's points, credited once on each
completion (a reopened order is completed again, in its next service round)."""

from __future__ import annotations

from app.orders.models import Order
from app.orders.snapshot import OrderSnapshot
from app.points.services import credit_order_completion


def credit_points(order: Order | OrderSnapshot) -> bool:
    if order.member_id is None:
        return False
    return credit_order_completion(
        order.member_id, order.id, order.item.points, order.item.name, order.service_round
    )
