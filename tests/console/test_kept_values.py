"""What the console keeps per process (the dashboard's numbers, the queue's tab counts, the
filter form's choices, the scope's name) never outlives the change that alters it: a move
made through the console shows on the very next page, a renamed grid or community too, and
the clock moving past a deadline shows within a minute."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.console.forms.orders import QueueFilterSchema
from app.console.read_models.order_queue import NARROWING
from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers.console import dashboard_numbers as numbers
from tests.helpers.console import page_html, post_form, sign_in, tab_counts
from tests.helpers.orders import make_order

pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_a_move_shows_on_the_next_dashboard_and_queue(client, world):
    order = make_order(world.a, world.item)
    db.session.commit()
    sign_in(client, world.a.staff)
    assert numbers(page_html(client.get("/console/")))["waiting"] == "1"
    assert tab_counts(page_html(client.get("/console/orders")))["submitted"] == 1

    response = post_form(client, f"/console/orders/{order.id}/reject", {"reason": "重复提交"})
    assert response.status_code == 302

    assert numbers(page_html(client.get("/console/")))["waiting"] == "0"
    tabs = tab_counts(page_html(client.get("/console/orders")))
    assert (tabs["submitted"], tabs["rejected"]) == (0, 1)


def test_a_deadline_passing_shows_within_a_minute(client, world, frozen_clock):
    """24 hours to respond: the order is 30 seconds short of overdue, then a minute past."""
    make_order(world.a, world.item, S.APPROVED, age=timedelta(hours=24) - timedelta(seconds=30))
    db.session.commit()
    sign_in(client, world.a.staff)
    assert numbers(page_html(client.get("/console/")))["overdue"] == "0"

    frozen_clock.shift(timedelta(minutes=1))

    assert numbers(page_html(client.get("/console/")))["overdue"] == "1"


def test_renamed_places_show_on_the_next_page(client, world):
    sign_in(client, world.a.staff)
    page = page_html(client.get("/console/orders"))
    assert world.a.grid.name in page and world.a.community.name in page

    world.a.grid.name = "新改名网格"
    world.a.community.name = "新改名社区"
    world.item.name = "新改名服务"
    db.session.commit()
    make_order(world.a, world.item)
    db.session.commit()

    page = page_html(client.get("/console/orders"))
    assert "新改名网格" in page  # the grid filter's choice
    assert "新改名社区" in page  # the scope's name, top right
    assert "新改名服务" in page  # the row's item


def test_every_filter_of_the_queue_narrows_the_kept_tab_counts():
    """The tab counts are kept only without a narrowing filter: a filter added to the form
    and forgotten in NARROWING would show the kept counts of the whole scope."""
    not_narrowing = {"status", "community_id", "limit", "cursor", "since"}
    assert set(QueueFilterSchema().fields) - not_narrowing == set(NARROWING)
