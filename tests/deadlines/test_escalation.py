"""An order past its deadline is escalated once to the community's staff and, if it is still
late in the same stage a second period later, once to the street's admins; the response
and completion stages escalate separately."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.extensions import db
from app.orders.models import OrderEscalation
from tests.helpers.deadlines import escalate, member_move, taken, timeline, titles
from tests.helpers.orders import create_order

MINUTE = timedelta(minutes=1)
SECOND_PERIOD = timedelta(hours=24)  # ESCALATION_SECOND_HOURS, calendar hours by default


def late_order(client, world, response_hours=2, completion_hours=6) -> int:
    world.item.response_hours, world.item.completion_hours = response_hours, completion_hours
    db.session.commit()
    return create_order(client, world.a.resident, world.a.community, world.item)["id"]


def escalations(order_id: int) -> list[tuple[str, int]]:
    query = select(OrderEscalation.stage, OrderEscalation.level).where(
        OrderEscalation.order_id == order_id
    )
    return sorted((stage, level) for stage, level in db.session.execute(query))


def notes(client, world, order_id: int) -> list[str]:
    return [
        e["note"] for e in timeline(client, world.a.staff, order_id) if e["action"] == "escalate"
    ]


def test_staff_then_the_street_each_once(client, world, frozen_clock):
    order_id = late_order(client, world)
    frozen_clock.shift(timedelta(hours=2))
    assert escalate() == 0  # exactly at the deadline: not yet late

    frozen_clock.shift(MINUTE)
    assert escalate() == 1
    assert titles(client, world.a.staff) == ["工单超时未响应"]
    assert titles(client, world.street_admin) == []
    assert notes(client, world, order_id) == ["超时督办：已提醒社区工作人员"]
    assert escalate() == 0  # once

    frozen_clock.shift(SECOND_PERIOD - MINUTE)
    assert escalate() == 0
    frozen_clock.shift(2 * MINUTE)
    assert escalate() == 1
    assert titles(client, world.street_admin) == ["超时工单上报：未响应"]
    assert titles(client, world.a.staff) == ["工单超时未响应"]
    assert notes(client, world, order_id) == [
        "超时督办：已提醒社区工作人员",
        "超时督办：已上报街道",
    ]
    assert escalate() == 0
    assert escalations(order_id) == [("response", 1), ("response", 2)]
    assert titles(client, world.b.staff) == []


def test_an_order_that_moves_on_is_not_reported_to_the_street(client, world, frozen_clock):
    order_id = late_order(client, world, response_hours=2, completion_hours=100)
    frozen_clock.shift(timedelta(hours=2) + MINUTE)
    assert escalate() == 1
    taken(client, world.a, order_id)  # a member took it: the response stage is over

    frozen_clock.shift(SECOND_PERIOD + MINUTE)
    assert escalate() == 0
    assert titles(client, world.street_admin) == []
    assert escalations(order_id) == [("response", 1)]


def test_the_completion_stage_escalates_separately(client, world, frozen_clock):
    order_id = late_order(client, world, response_hours=2, completion_hours=6)
    frozen_clock.shift(timedelta(hours=2) + MINUTE)
    assert escalate() == 1
    taken(client, world.a, order_id)
    frozen_clock.shift(timedelta(hours=4))  # 6 h 1 min after creation: completion is late

    assert escalate() == 1
    assert escalations(order_id) == [("completion", 1), ("response", 1)]
    assert titles(client, world.a.staff)[0] == "工单超时未完成"
    frozen_clock.shift(SECOND_PERIOD + MINUTE)
    assert escalate() == 1  # the completion stage's level 2 only
    assert titles(client, world.street_admin) == ["超时工单上报：未完成"]
    assert escalations(order_id) == [("completion", 1), ("completion", 2), ("response", 1)]


def test_a_finished_order_is_never_escalated(client, world, frozen_clock):
    order_id = late_order(client, world, response_hours=2, completion_hours=3)
    taken(client, world.a, order_id)
    member_move(client, world.a, order_id, "complete")
    frozen_clock.shift(timedelta(hours=5))
    assert escalate() == 0
    assert escalations(order_id) == []


def test_the_resident_sees_no_escalation_and_staff_do(client, world, frozen_clock):
    order_id = late_order(client, world)
    frozen_clock.shift(timedelta(hours=2) + MINUTE)
    assert escalate() == 1
    assert "escalate" in [e["action"] for e in timeline(client, world.a.staff, order_id)]
    assert [e["action"] for e in timeline(client, world.a.resident, order_id)] == ["create"]
