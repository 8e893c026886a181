"""Several workers run the same scheduled job at the same moment (PostgreSQL: real threads,
each with its own app context, session and connection): each expiry and each escalation
happens once, and a grab racing the expiry either wins or loses whole."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.notifications.models import Message
from app.orders.models import OrderEscalation, OrderStatus
from app.worker import tasks
from tests.helpers.api import API, auth
from tests.helpers.clock import utcnow
from tests.helpers.concurrency import all_at_once, racing_app
from tests.helpers.orders import action_count, seeded_order, stored_order

pytestmark = pytest.mark.postgresql

WORKERS = 6
ORDERS = 5


@pytest.fixture
def race_app(app):
    with racing_app(WORKERS) as second:
        yield second


def in_worker(app, task):
    def run():
        with app.app_context():
            return task.call_local()

    return run


def messages(event: str) -> int:
    return db.session.scalar(select(func.count()).where(Message.event == event))


def late_orders(world, status: OrderStatus, column: str, ago: timedelta) -> list[int]:
    """ORDERS orders in `status` whose `column` (a deadline, or when published) was `ago`."""
    orders = [seeded_order(world.a, world.item, status) for _ in range(ORDERS)]
    for order in orders:
        setattr(order, column, utcnow() - ago)
    db.session.commit()
    return [order.id for order in orders]


def test_each_expiry_happens_once(race_app, world):
    ids = late_orders(world, OrderStatus.PUBLISHED, "published_at", timedelta(hours=25))

    results = all_at_once([in_worker(race_app, tasks.expire_pool)] * WORKERS)

    assert sum(results) == ORDERS
    db.session.expire_all()
    assert {stored_order(order_id).status for order_id in ids} == {OrderStatus.APPROVED}
    assert [action_count(order_id, "expire") for order_id in ids] == [1] * ORDERS
    assert messages("order_pool_expired") == ORDERS  # one staff user, one message per order


def test_each_escalation_happens_once(race_app, world, frozen_clock):
    ids = late_orders(world, OrderStatus.APPROVED, "respond_by", timedelta(minutes=1))

    assert sum(all_at_once([in_worker(race_app, tasks.escalate_overdue)] * WORKERS)) == ORDERS
    frozen_clock.shift(timedelta(hours=24, minutes=1))
    assert sum(all_at_once([in_worker(race_app, tasks.escalate_overdue)] * WORKERS)) == ORDERS

    levels = db.session.scalars(select(OrderEscalation.level).order_by(OrderEscalation.level))
    assert list(levels) == [1] * ORDERS + [2] * ORDERS
    assert [action_count(order_id, "escalate") for order_id in ids] == [2] * ORDERS
    assert messages("order_overdue") == 2 * ORDERS  # staff once, the street admin once


def test_a_grab_racing_the_expiry_wins_or_loses_whole(race_app, world):
    order = seeded_order(world.a, world.item, OrderStatus.PUBLISHED)
    order.published_at = utcnow() - timedelta(hours=25)
    db.session.commit()
    headers, path = auth(world.a.member), f"{API}/member/orders/{order.id}/grab"

    def grab():
        with race_app.app_context():
            return race_app.test_client().post(path, headers=headers).status_code

    half = WORKERS // 2
    results = all_at_once([grab] * half + [in_worker(race_app, tasks.expire_pool)] * half)

    grabs, expiries = results[:half], results[half:]
    db.session.expire_all()
    status = stored_order(order.id).status
    if status == OrderStatus.ACCEPTED:
        assert sorted(grabs) == [200] + [409] * (half - 1) and sum(expiries) == 0
        assert action_count(order.id, "expire") == 0
    else:
        assert status == OrderStatus.APPROVED
        assert grabs == [409] * half and sum(expiries) == 1
        assert action_count(order.id, "grab") == 0
    assert action_count(order.id, "grab") + action_count(order.id, "expire") == 1
