"""Orders are due by their item's expected response and completion times."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.orders.deadlines import is_overdue, overdue_clause
from app.orders.models import Order, OrderStatus
from tests.helpers import factories
from tests.helpers.api import post
from tests.helpers.orders import order_body

pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_a_new_order_gets_its_items_deadlines(client, world, frozen_clock):
    world.item.response_hours, world.item.completion_hours = 2, 48
    db.session.commit()
    response = post(
        client,
        world.a.resident,
        "/orders",
        order_body(world.a.community, world.item, description="楼道灯坏了"),
    )

    order = db.session.get(Order, response.get_json()["id"])
    assert order.created_at == frozen_clock.now
    assert order.respond_by == frozen_clock.now + timedelta(hours=2)
    assert order.complete_by == frozen_clock.now + timedelta(hours=48)


def test_overdue_depends_on_the_stage_the_order_is_in(app, world, frozen_clock):
    now = frozen_clock.now
    late = now - timedelta(minutes=1)
    cases = {  # status: (respond_by, complete_by) -> overdue?
        OrderStatus.SUBMITTED: ((late, now + timedelta(days=1)), True),
        OrderStatus.PUBLISHED: ((now + timedelta(hours=1), late), False),
        OrderStatus.IN_PROGRESS: ((late, now + timedelta(hours=1)), False),
        OrderStatus.ACCEPTED: ((late, late), True),
        OrderStatus.COMPLETED: ((late, late), False),
    }
    expected = {}
    for status, ((respond_by, complete_by), overdue) in cases.items():
        order = factories.order(world.a.community, world.a.resident, world.item, status=status)
        order.respond_by, order.complete_by = respond_by, complete_by
        expected[order.id] = overdue
    db.session.commit()

    in_sql = set(db.session.scalars(select(Order.id).where(overdue_clause(now))))
    assert in_sql == {order_id for order_id, overdue in expected.items() if overdue}
    for order_id, overdue in expected.items():
        assert is_overdue(db.session.get(Order, order_id), now) is overdue
