"""When an order is due and when it is overdue, without a database: the item's hours count
from creation, and the deadline that matters depends on the stage the order is in."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.orders.deadlines import is_overdue, set_deadlines
from app.orders.models import OrderStatus as S
from app.orders.vocabulary import AWAITING_COMPLETION, AWAITING_RESPONSE

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
EARLIER, LATER = NOW - timedelta(minutes=1), NOW + timedelta(minutes=1)


def test_deadlines_count_the_items_hours_from_creation():
    order = SimpleNamespace(respond_by=None, complete_by=None)
    item = SimpleNamespace(response_hours=2, completion_hours=48, deadline_basis="hours")
    set_deadlines(order, item, NOW)
    assert order.respond_by == NOW + timedelta(hours=2)
    assert order.complete_by == NOW + timedelta(hours=48)


@pytest.mark.parametrize("status", AWAITING_RESPONSE)
def test_before_a_member_takes_it_the_response_deadline_counts(status):
    assert is_overdue(SimpleNamespace(status=status, respond_by=EARLIER, complete_by=LATER), NOW)
    assert not is_overdue(
        SimpleNamespace(status=status, respond_by=LATER, complete_by=EARLIER), NOW
    )


@pytest.mark.parametrize("status", AWAITING_COMPLETION)
def test_while_a_member_works_on_it_the_completion_deadline_counts(status):
    assert is_overdue(SimpleNamespace(status=status, respond_by=LATER, complete_by=EARLIER), NOW)
    assert not is_overdue(
        SimpleNamespace(status=status, respond_by=EARLIER, complete_by=LATER), NOW
    )


@pytest.mark.parametrize("status", [S.COMPLETED, S.RATED, S.CLOSED, S.REJECTED, S.CANCELLED])
def test_an_ended_order_is_never_overdue(status):
    order = SimpleNamespace(status=status, respond_by=EARLIER, complete_by=EARLIER)
    assert not is_overdue(order, NOW)


def test_exactly_at_the_deadline_is_not_yet_overdue_and_no_deadline_never_is():
    assert not is_overdue(SimpleNamespace(status=S.SUBMITTED, respond_by=NOW, complete_by=NOW), NOW)
    assert not is_overdue(
        SimpleNamespace(status=S.ACCEPTED, respond_by=None, complete_by=None), NOW
    )
