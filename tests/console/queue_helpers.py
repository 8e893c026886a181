"""Helpers for the queue and dashboard tests: orders with chosen fields, reading the page,
and counting SQL queries."""
from __future__ import annotations

import html
import re
from datetime import timedelta

from sqlalchemy import update

from app.db_types import utcnow
from app.extensions import db
from app.orders.deadlines import set_deadlines
from app.orders.models import OrderEvent, OrderStatus
from tests.helpers import factories
from tests.helpers.queries import count_queries as counted_queries  # noqa: F401
from tests.console.helpers import console_login


def make_order(side, item, status=OrderStatus.SUBMITTED, *, age=timedelta(0), member=None,
               **fields):
    """An order of `side`'s community created `age` ago (deadlines counted from then)."""
    order = factories.order(side.community, side.resident, item, status, member_obj=member)
    order.created_at = utcnow() - age
    set_deadlines(order, item, order.created_at)
    # The factory's "create" event: at creation, into 待审核 (later moves are `add_event`s).
    db.session.execute(update(OrderEvent).where(OrderEvent.order_id == order.id)
                       .values(at=order.created_at, to_status=OrderStatus.SUBMITTED))
    for name, value in fields.items():
        setattr(order, name, value)
    db.session.flush()
    return order


def add_event(order, action, at=None, to_status=None):
    """A timeline event of `action` ("complete", "rate", "follow_up" ...), by default into
    the order's status."""
    db.session.add(OrderEvent(order_id=order.id, action=action, from_status=None,
                              to_status=to_status or order.status, actor_id=order.resident_id,
                              at=at or utcnow()))
    db.session.flush()


def row_ids(page: str) -> list[int]:
    return [int(value) for value in re.findall(r'<tr class="[^"]*" data-order-id="(\d+)"', page)]


def overdue_row_ids(page: str) -> list[int]:
    return [int(value) for value in re.findall(r'<tr class="overdue" data-order-id="(\d+)"', page)]


def tab_counts(page: str) -> dict[str, int]:
    found = re.findall(r'data-tab="(\w+)">[^<]*<span class="badge[^"]*"[^>]*>(\d+)</span>', page)
    return {key: int(count) for key, count in found}


def total_count(page: str) -> int:
    return int(re.search(r'全部\s*<span class="badge">(\d+)</span>', page).group(1))


def next_link(page: str) -> str | None:
    match = re.search(r'<a class="button primary" rel="next" href="([^"]+)"', page)
    return html.unescape(match.group(1)) if match else None


def text(response) -> str:
    return response.get_data(as_text=True)


def sign_in_street_admin(client, world):
    """The world's street admin has no password: give it the staff one, then sign in."""
    world.street_admin.password_hash = factories._staff_password_hash()
    db.session.commit()
    response = console_login(client, world.street_admin)
    assert response.status_code == 302
    return world.street_admin


def sign_in_as(client, world, who: str):
    """Sign in as demo-a's "staff" or the street's "street_admin"."""
    if who == "staff":
        console_login(client, world.a.staff)
        return world.a.staff
    return sign_in_street_admin(client, world)
