"""Items whose deadlines count working hours: an order's deadlines and its escalations skip
public holidays and count 调休 Saturdays; the default basis counts calendar hours."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.extensions import db
from app.orders.calendar import DeadlineBasis
from tests.helpers.deadlines import bj, escalate, titles
from tests.helpers.orders import create_order, stored_order

MINUTE = timedelta(minutes=1)


@pytest.fixture
def office_item(world, app, monkeypatch):
    """8 working hours to respond; a second period of 8 working hours too."""
    monkeypatch.setitem(app.config, "ESCALATION_SECOND_HOURS", 8)
    world.item.deadline_basis = DeadlineBasis.WORKING_HOURS
    world.item.response_hours, world.item.completion_hours = 8, 16
    db.session.commit()
    return world.item


def new_order(client, world) -> int:
    return create_order(client, world.a.resident, world.a.community, world.item)["id"]


def test_national_day_does_not_count(client, world, office_item, frozen_clock):
    frozen_clock.move_to(bj(2026, 9, 30, 16, 0))  # a Wednesday, the eve of National Day
    order = stored_order(new_order(client, world))
    # 1 h on Sept 30, Oct 1-7 off, 7 h on Thu Oct 8; completion: 8 more h on Fri Oct 9.
    assert order.respond_by == bj(2026, 10, 8, 16, 0)
    assert order.complete_by == bj(2026, 10, 9, 16, 0)

    frozen_clock.move_to(bj(2026, 10, 7, 23, 0))
    assert escalate() == 0
    frozen_clock.move_to(bj(2026, 10, 8, 16, 1))
    assert escalate() == 1
    assert titles(client, world.a.staff) == ["工单超时未响应"]


def test_a_tiaoxiu_saturday_counts_and_a_sunday_does_not(client, world, office_item, frozen_clock):
    frozen_clock.move_to(bj(2026, 10, 9, 16, 0))  # Friday
    order = stored_order(new_order(client, world))
    assert order.respond_by == bj(2026, 10, 10, 16, 0)  # Saturday Oct 10 is a working day

    frozen_clock.move_to(bj(2026, 10, 10, 16, 1))
    assert escalate() == 1  # told on the Saturday
    # The second period: 59 min on Saturday, none on Sunday, 7 h 1 min on Monday.
    frozen_clock.move_to(bj(2026, 10, 11, 20, 0))
    assert escalate() == 0
    frozen_clock.move_to(bj(2026, 10, 12, 16, 0))
    assert escalate() == 0
    frozen_clock.move_to(bj(2026, 10, 12, 16, 1))
    assert escalate() == 1
    assert titles(client, world.street_admin) == ["超时工单上报：未响应"]


def test_calendar_hours_are_unchanged_for_the_default_basis(client, world, frozen_clock):
    world.item.response_hours, world.item.completion_hours = 8, 16
    db.session.commit()
    assert world.item.deadline_basis == DeadlineBasis.HOURS
    frozen_clock.move_to(bj(2026, 9, 30, 16, 0))
    order = stored_order(new_order(client, world))
    assert order.respond_by == bj(2026, 10, 1, 0, 0)
    assert order.complete_by == bj(2026, 10, 1, 8, 0)


def test_beyond_the_calendars_data_monday_to_friday_count(client, world, office_item, frozen_clock):
    frozen_clock.move_to(bj(2027, 1, 8, 16, 0))  # a Friday in 2027: no holiday data
    order = stored_order(new_order(client, world))
    assert order.respond_by == bj(2027, 1, 11, 16, 0)  # the weekend skipped
