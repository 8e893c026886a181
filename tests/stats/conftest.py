"""A hand-counted fixture for the period 2026-11-20 – 2026-11-22 (Beijing days), written
with factories (orders are dated days back, which HTTP cannot do).

Community a, category X (world.item) unless said:
  o1  20th 09:00  rated 5★     completed 21st 10:00, rated 21st 12:00
  o2  20th 10:00  completed    completed 22nd 09:00
  o3  21st 08:00  accepted
  o4  21st 09:00  rejected                                       (out of the rate base)
  o10 21st 11:00  rated 4★     completed 22nd 10:00, rated 23rd 09:00 (rating after the period)
  o8  22nd 12:00  cancelled                                      (out of the rate base)
  o5  22nd 23:59  submitted    category Y                         (the last minute: counted)
  o6  23rd 00:00  completed    completed 23rd 08:00               (the next day: not counted)
  o7  10th        rated 2★     completed 19th, rated 21st 15:00  (only its rating counts)
Community b:
  o9  21st 10:00  rated 5★     completed 21st 11:00, rated 21st 13:00
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest
from sqlalchemy import update

from app.clock import BEIJING
from app.extensions import db
from app.orders.models import OrderEvent
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.orders import add_event

PERIOD = "from=2026-11-20&to=2026-11-22"


def bj(day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=BEIJING)


@dataclass
class Fixture:
    orders: dict
    other_item: object


def placed(side, item, status, created, *, completed=None, rated=None, stars=None):
    member = side.member if status not in (S.SUBMITTED, S.REJECTED, S.CANCELLED) else None
    order = factories.order(side.community, side.resident, item, status, member_obj=member)
    order.created_at, order.stars = created, stars
    db.session.execute(update(OrderEvent).where(OrderEvent.order_id == order.id).values(at=created))
    if completed:
        add_event(order, "complete", completed, S.COMPLETED, actor=member)
    if rated:
        add_event(order, "rate", rated, S.RATED)
    db.session.flush()
    return order


@pytest.fixture
def counted(frozen_clock, world) -> Fixture:
    x, y = world.item, factories.catalog_item()
    a, b = world.a, world.b
    orders = {
        "o1": placed(a, x, S.RATED, bj(20), completed=bj(21, 10), rated=bj(21, 12), stars=5),
        "o2": placed(a, x, S.COMPLETED, bj(20, 10), completed=bj(22, 9)),
        "o3": placed(a, x, S.ACCEPTED, bj(21, 8)),
        "o4": placed(a, x, S.REJECTED, bj(21, 9)),
        "o10": placed(a, x, S.RATED, bj(21, 11), completed=bj(22, 10), rated=bj(23), stars=4),
        "o8": placed(a, x, S.CANCELLED, bj(22, 12)),
        "o5": placed(a, y, S.SUBMITTED, bj(22, 23, 59)),
        "o6": placed(a, x, S.COMPLETED, bj(23, 0), completed=bj(23, 8)),
        "o7": placed(a, x, S.RATED, bj(10), completed=bj(19), rated=bj(21, 15), stars=2),
        "o9": placed(b, x, S.RATED, bj(21, 10), completed=bj(21, 11), rated=bj(21, 13), stars=5),
    }
    db.session.commit()
    return Fixture(orders, y)
