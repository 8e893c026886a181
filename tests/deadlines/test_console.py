"""The console's order detail shows what the deadlines did: the platform's own events on the
timeline, by 系统; and no user makes the platform's moves, nor the platform a user's."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.errors import Forbidden
from app.extensions import db
from app.orders.models import OrderStatus
from app.orders.state import allowed_actions, transition
from app.orders.vocabulary import Action
from tests.helpers.console import page_text, sign_in
from tests.helpers.deadlines import escalate, expire_pool, staff_move
from tests.helpers.orders import create_order, seeded_order, stored_order


def test_an_escalated_and_expired_order_says_so(client, world, frozen_clock):
    world.item.response_hours = 2
    db.session.commit()
    order_id = create_order(client, world.a.resident, world.a.community, world.item)["id"]
    staff_move(client, world.a, order_id, "approve")
    staff_move(client, world.a, order_id, "publish")
    frozen_clock.shift(timedelta(hours=2, minutes=1))
    assert escalate() == 1
    frozen_clock.shift(timedelta(hours=24))
    assert expire_pool() == 1
    assert escalate() == 1  # still unanswered: reported to the street

    response = sign_in(client, world.a.staff).get(f"/console/orders/{order_id}")
    text = page_text(response)
    assert "超时督办" in text and "超时督办：已提醒社区工作人员" in text
    assert "超时督办：已上报街道" in text
    assert "抢单超时退回" in text and "发布24小时无人抢单，退回待派单" in text
    assert "系统" in text
    assert stored_order(order_id).status == OrderStatus.APPROVED


def test_only_the_platform_makes_its_own_moves(client, world):
    order = seeded_order(world.a, world.item, OrderStatus.PUBLISHED)
    assert Action.EXPIRE not in allowed_actions(OrderStatus.PUBLISHED)  # no console button
    with pytest.raises(Forbidden):
        transition(order.id, Action.EXPIRE, world.a.staff)
    with pytest.raises(Forbidden):
        transition(order.id, Action.RECALL, None)
    assert stored_order(order.id).status == OrderStatus.PUBLISHED
