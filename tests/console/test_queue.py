"""The order queue (工单): tabs with counts, the rows, the community scope, cursor
paging and overdue rows. The date filters and "overdue" count from now: every test runs on
the frozen clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.extensions import db
from app.orders.models import Order, OrderSource
from app.orders.models import OrderStatus as S
from tests.helpers.console import (
    next_link,
    overdue_row_ids,
    page_html,
    row_ids,
    sign_in,
    tab_counts,
    total_count,
)
from tests.helpers.db import count_rows
from tests.helpers.orders import make_order

pytestmark = pytest.mark.usefixtures("frozen_clock")

QUEUE = "/console/orders"


def _ids(orders) -> list[int]:
    return sorted((o.id for o in orders), reverse=True)


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    for path in (QUEUE, f"{QUEUE}/new-count?since=0"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/console/login")


def test_tab_counts_match_the_database(client, world):
    for status in [S.SUBMITTED] * 3 + [
        S.APPROVED,
        S.DISPATCHED,
        S.PUBLISHED,
        S.ACCEPTED,
        S.IN_PROGRESS,
        S.COMPLETED,
        S.RATED,
        S.REJECTED,
        S.CANCELLED,
    ]:
        make_order(world.a, world.item, status)
    make_order(world.b, world.item, S.SUBMITTED)
    db.session.commit()
    sign_in(client, world.a.staff)

    page = page_html(client.get(QUEUE))

    def in_db(*statuses) -> int:
        return count_rows(
            Order, Order.community_id == world.a.community.id, Order.status.in_(statuses)
        )

    assert tab_counts(page) == {
        "submitted": in_db(S.SUBMITTED),
        "approved": in_db(S.APPROVED),
        "dispatched": in_db(S.DISPATCHED),
        "published": in_db(S.PUBLISHED),
        "serving": in_db(S.ACCEPTED, S.IN_PROGRESS),
        "finished": in_db(S.COMPLETED, S.RATED),
        "rejected": in_db(S.REJECTED),
    }
    assert tab_counts(page)["submitted"] == 3 and tab_counts(page)["serving"] == 2
    assert total_count(page) == 12 == len(row_ids(page))


def test_a_tab_lists_its_statuses_and_keeps_the_counts_of_the_others(client, world):
    serving = [
        make_order(world.a, world.item, S.ACCEPTED, member=world.a.member),
        make_order(world.a, world.item, S.IN_PROGRESS, member=world.a.member),
    ]
    make_order(world.a, world.item, S.SUBMITTED)
    db.session.commit()
    sign_in(client, world.a.staff)

    page = page_html(client.get(f"{QUEUE}?status=serving"))
    assert row_ids(page) == _ids(serving)
    assert tab_counts(page)["submitted"] == 1 and total_count(page) == 3
    assert 'class="tab active" data-tab="serving"' in page


def test_a_row_shows_what_staff_need_to_act(client, world):
    order = make_order(
        world.a,
        world.item,
        S.DISPATCHED,
        member=world.a.member,
        contact_name="王阿姨",
        contact_phone="13900001111",
        source=OrderSource.DESK,
    )
    db.session.commit()
    sign_in(client, world.a.staff)

    page = page_html(client.get(QUEUE))
    row = page[page.index(f'data-order-id="{order.id}"') :]
    row = row[: row.index("</tr>")]
    for expected in (
        f'href="/console/orders/{order.id}"',
        world.item.name,
        world.item.category.name,
        "王阿姨",
        "13900001111",
        "已派单",
        "代点单",
        world.a.member.display_name,
        order.address,
    ):
        assert expected in row
    assert "社区</th>" not in page  # one community: no community column


def test_staff_never_see_another_communitys_orders(client, world):
    mine = make_order(world.a, world.item)
    make_order(world.b, world.item, address="八一广场1号", contact_phone="13911112222")
    make_order(world.b, world.item, S.APPROVED)
    db.session.commit()
    sign_in(client, world.a.staff)

    page = page_html(client.get(QUEUE))
    assert row_ids(page) == [mine.id]
    assert total_count(page) == 1 and tab_counts(page)["approved"] == 0
    assert "八一广场1号" not in page
    assert row_ids(page_html(client.get(QUEUE, query_string={"q": "13911112222"}))) == []
    badge = page_html(client.get(f"{QUEUE}/new-count?since=0"))
    assert "有 1 条新工单" in badge and 'hx-swap-oob="true">1</span>' in badge


def test_street_admin_sees_the_street_and_filters_by_community(client, world):
    ours = make_order(world.a, world.item)
    theirs = make_order(world.b, world.item, grid_id=world.b.grid.id)
    db.session.commit()
    sign_in(client, world.street_admin)

    page = page_html(client.get(QUEUE))
    assert row_ids(page) == _ids([ours, theirs]) and total_count(page) == 2
    assert "社区</th>" in page and world.b.community.name in page

    page = page_html(client.get(f"{QUEUE}?community_id={world.b.community.id}"))
    assert row_ids(page) == [theirs.id] and total_count(page) == 1
    page = page_html(
        client.get(f"{QUEUE}?community_id={world.b.community.id}&grid_id={world.b.grid.id}")
    )
    assert row_ids(page) == [theirs.id]
    response = client.get(f"{QUEUE}?community_id={world.b.community.id}&grid_id={world.a.grid.id}")
    assert response.status_code == 422 and "该网格不在所选社区内" in page_html(response)


def test_paging_walks_every_row_once_keeping_the_filters(client, world):
    expected = _ids(make_order(world.a, world.item, source=OrderSource.DEVICE) for _ in range(23))
    make_order(world.a, world.item)
    db.session.commit()
    sign_in(client, world.a.staff)

    seen, pages, url = [], 0, f"{QUEUE}?source=device&limit=10"
    while url:
        page = page_html(client.get(url))
        seen += row_ids(page)
        pages += 1
        url = next_link(page)
        if url:
            assert "source=device" in url and f"since={expected[0]}" in url
    assert seen == expected and pages == 3


def test_overdue_rows_are_flagged(client, world):
    item = world.item  # answer within 24 hours, complete within 72
    fresh = make_order(world.a, item)
    unanswered = make_order(world.a, item, S.APPROVED, age=timedelta(hours=30))
    unfinished = make_order(
        world.a, item, S.IN_PROGRESS, age=timedelta(days=4), member=world.a.member
    )
    make_order(world.a, item, S.IN_PROGRESS, age=timedelta(hours=30), member=world.a.member)
    make_order(world.a, item, S.COMPLETED, age=timedelta(days=10))
    db.session.commit()
    sign_in(client, world.a.staff)

    page = page_html(client.get(QUEUE))
    assert overdue_row_ids(page) == _ids([unanswered, unfinished])
    assert page.count('<span class="tag-overdue">超时</span>') == 2
    assert fresh.id in row_ids(page)
    assert row_ids(page_html(client.get(f"{QUEUE}?overdue=1"))) == _ids([unanswered, unfinished])
