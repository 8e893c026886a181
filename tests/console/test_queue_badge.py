"""The order queue's new-order badge (polled by HTMX), and its fixed number of SQL queries
however many orders there are."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest

from app.extensions import db
from app.orders.models import Order, OrderSource
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.console import field_errors, page_html, row_ids, sign_in
from tests.helpers.db import count_rows
from tests.helpers.orders import make_order
from tests.helpers.queries import count_queries

QUEUE = "/console/orders"


def _poll_url(page: str) -> str:
    return html.unescape(re.search(r'hx-get="([^"]+)"', page).group(1))


def test_new_orders_raise_a_badge_and_refresh_the_pending_count(client, world):
    first = make_order(world.a, world.item)
    db.session.commit()
    sign_in(client, world.a.staff)

    page = page_html(client.get(QUEUE))
    assert 'hx-trigger="every 15s"' in page
    poll = _poll_url(page)
    assert poll.startswith(f"{QUEUE}/new-count?") and f"since={first.id}" in poll
    quiet = page_html(client.get(poll))
    assert "新工单" not in quiet and 'id="tab-count-submitted"' in quiet

    make_order(world.a, world.item)
    make_order(world.a, world.item)
    make_order(world.b, world.item)
    db.session.commit()
    badge = page_html(client.get(poll))
    assert (
        '<a class="badge hot new-badge" href="/console/orders">有 2 条新工单，点击刷新</a>' in badge
    )
    assert 'hx-swap-oob="true">3</span>' in badge


def test_the_badge_counts_only_orders_under_the_pages_filters(client, world, monkeypatch):
    monkeypatch.setitem(client.application.config, "CONSOLE_POLL_SECONDS", 2)
    make_order(world.a, world.item, source=OrderSource.DEVICE)
    db.session.commit()
    sign_in(client, world.a.staff)

    page = page_html(client.get(f"{QUEUE}?source=device"))
    assert 'hx-trigger="every 2s"' in page
    poll = _poll_url(page)
    assert "source=device" in poll
    make_order(world.a, world.item)  # from the mini-program: not on this page
    db.session.commit()
    assert "新工单" not in page_html(client.get(poll))
    make_order(world.a, world.item, source=OrderSource.DEVICE)
    db.session.commit()
    badge = page_html(client.get(poll))
    assert "有 1 条新工单" in badge and 'href="/console/orders?source=device"' in badge


def test_new_count_refuses_bad_input(client, world):
    sign_in(client, world.a.staff)
    for query, message in (
        ("since=-1", "无效的编号"),
        ("since=abc", "应为整数"),
        ("status=nope", "未知的状态"),
        ("created_from=yesterday", "不是合法的日期"),
    ):
        response = client.get(f"{QUEUE}/new-count?{query}")
        assert response.status_code == 422, query
        assert field_errors(response) == [message], query


def _fill(world, total: int) -> None:
    """Orders of both communities up to `total` in world.a, in many statuses and items."""
    items = [world.item, factories.catalog_item(), factories.catalog_item()]
    statuses = [S.SUBMITTED, S.DISPATCHED, S.IN_PROGRESS, S.RATED, S.REJECTED]
    have = count_rows(Order, Order.community_id == world.a.community.id)
    for n in range(have, total):
        status = statuses[n % len(statuses)]
        member = world.a.member if status in (S.DISPATCHED, S.IN_PROGRESS, S.RATED) else None
        make_order(
            world.a,
            items[n % 3],
            status,
            member=member,
            age=timedelta(days=n % 6),
            grid_id=world.a.grid.id,
        )
    db.session.commit()


@pytest.mark.parametrize("who", ["a.staff", "street_admin"])
def test_the_queue_runs_a_fixed_number_of_queries(client, world, who):
    sign_in(client, world.user(who))
    query = f"{QUEUE}?limit=100&q=东湖区&overdue=0&grid_id={world.a.grid.id}"
    # Once first: what is kept per process (the scope's name) is built then.
    assert client.get(QUEUE).status_code == 200

    counts = []
    for total in (10, 100):
        _fill(world, total)
        with count_queries() as statements:
            response = client.get(query)
        assert response.status_code == 200 and len(row_ids(page_html(response))) == total
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 12, counts
