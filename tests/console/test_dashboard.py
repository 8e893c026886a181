"""工作台: today's numbers for the staff's scope, each linking to the matching queue, the
most overdue orders, and a fixed number of SQL queries. "Today" is a Beijing day: every test
runs on the frozen clock, so none can flake near midnight."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest

from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers.clock import beijing_today, day_start, utcnow
from tests.helpers.console import dashboard_numbers as numbers
from tests.helpers.console import page_html, row_ids, sign_in
from tests.helpers.orders import add_event, make_order
from tests.helpers.queries import count_queries

pytestmark = pytest.mark.usefixtures("frozen_clock")

DAY = timedelta(days=1)


def stat_link(page: str, name: str) -> str:
    return html.unescape(re.search(rf'href="([^"]+)" data-stat="{name}"', page).group(1))


def overdue_list(page: str) -> list[int]:
    section = page[page.index("超时最久的工单") :]
    return [int(v) for v in re.findall(r'<tr class="overdue" data-order-id="(\d+)"', section)]


def _rated(side, item, stars, days_ago=1, member=None):
    order = make_order(side, item, S.RATED, age=timedelta(days=days_ago + 1), member=member)
    order.stars = stars
    add_event(order, "complete", utcnow() - timedelta(days=days_ago, hours=1), S.COMPLETED)
    add_event(order, "rate", utcnow() - timedelta(days=days_ago))
    return order


@pytest.fixture
def busy_day(world):
    """demo-a: 2 new today, an overdue approved and an overdue dispatched order, 2 completed
    today and 1 earlier, ratings 5, 4 and 2 in the last month and a 5 from long ago, a
    rejected and a cancelled order; demo-b: orders that demo-a's staff must never count."""
    a, item, member = world.a, world.item, world.a.member
    make_order(a, item)
    make_order(a, item, S.PUBLISHED)
    make_order(a, item, S.APPROVED, age=2 * DAY)  # overdue: 24 hours to respond
    make_order(a, item, S.DISPATCHED, age=3 * DAY, member=member)  # overdue too
    for _ in range(2):
        done = make_order(a, item, S.COMPLETED, age=2 * DAY, member=member)
        add_event(done, "complete")
    old_done = make_order(a, item, S.COMPLETED, age=5 * DAY, member=member)
    add_event(old_done, "complete", utcnow() - 4 * DAY)
    add_event(old_done, "follow_up")  # a call today about an old completion
    for stars in (5, 4, 2):
        rated = _rated(a, item, stars, member=member)
    add_event(rated, "follow_up")  # a call about a rating: not a second rating
    _rated(a, item, 5, days_ago=40, member=member)
    make_order(a, item, S.REJECTED, age=DAY)
    make_order(a, item, S.CANCELLED, age=DAY)
    for status in (S.SUBMITTED, S.APPROVED, S.COMPLETED):
        order = make_order(world.b, item, status, age=3 * DAY, member=world.b.member)
    add_event(order, "complete")
    _rated(world.b, item, 1, member=world.b.member)
    db.session.commit()
    return world


def test_staff_see_todays_numbers_of_their_community(client, busy_day):
    sign_in(client, busy_day.a.staff)
    response = client.get("/console/")
    page = page_html(response)

    assert response.status_code == 200
    # Last 30 days, not rejected or cancelled: new, published, approved, dispatched, 3 completed
    # (one 5 days ago), 3 rated = 10 orders; taken by a member: 6; resolved: 6.
    assert numbers(page) == {
        "new_today": "2",
        "waiting": "4",
        "overdue": "2",
        "completed_today": "2",
        "average_stars": "3.7 ★",
        "response_rate": "60%",
        "resolution_rate": "60%",
        "satisfaction_rate": "67%",
    }
    assert "近 30 天 3 条评价" in page
    assert len(overdue_list(page)) == 2


def test_the_numbers_count_from_beijing_midnight(client, world, frozen_clock):
    """An order created just before Beijing midnight is yesterday's, even if it is today in
    UTC: at 00:30 in Beijing it is 16:30 of the day before in UTC."""
    start = day_start(beijing_today(frozen_clock.now))
    frozen_clock.move_to(start + timedelta(minutes=30))
    assert beijing_today(frozen_clock.now) != beijing_today(start - timedelta(minutes=1))
    assert (start - timedelta(minutes=1)).date() == frozen_clock.now.date()  # the same UTC day
    make_order(world.a, world.item, age=timedelta(minutes=31))
    make_order(world.a, world.item, age=timedelta(minutes=29))
    db.session.commit()
    sign_in(client, world.a.staff)

    assert numbers(page_html(client.get("/console/")))["new_today"] == "1"


def test_each_number_links_to_the_matching_queue(client, busy_day):
    sign_in(client, busy_day.a.staff)
    page = page_html(client.get("/console/"))
    today = beijing_today(utcnow()).isoformat()

    expected = {
        "new_today": f"created_from={today}&created_to={today}",
        "waiting": "status=waiting",
        "overdue": "overdue=1",
        "completed_today": f"completed_on={today}",
    }
    for name, query in expected.items():
        link = stat_link(page, name)
        assert link == f"/console/orders?{query}", name
        queue = page_html(client.get(link))
        assert len(row_ids(queue)) == int(numbers(page)[name]), name
    assert stat_link(page, "average_stars") == "/console/orders?status=rated"


def test_the_most_overdue_orders_come_first(client, world):
    item = world.item
    a_bit = make_order(world.a, item, S.APPROVED, age=timedelta(hours=26))
    very = make_order(world.a, item, S.SUBMITTED, age=5 * DAY)
    slow = make_order(world.a, item, S.IN_PROGRESS, age=4 * DAY, member=world.a.member)
    for _ in range(4):
        make_order(world.a, item, S.PUBLISHED, age=timedelta(hours=30))
    make_order(world.b, item, S.SUBMITTED, age=9 * DAY)
    db.session.commit()
    sign_in(client, world.a.staff)

    page = page_html(client.get("/console/"))
    listed = overdue_list(page)
    assert listed[:2] == [very.id, slow.id] and len(listed) == 5
    assert a_bit.id not in listed  # five are later than it
    assert "超时 4天" in page  # 5 days old, 24 hours to respond
    assert f'href="/console/orders/{very.id}"' in page


def test_a_calm_day_shows_dashes_not_errors(client, world):
    sign_in(client, world.a.staff)
    page = page_html(client.get("/console/"))
    assert numbers(page)["average_stars"] == "—" and numbers(page)["response_rate"] == "—"
    assert "没有超时的工单" in page


def test_street_admin_sees_the_street_and_filters_by_community(client, busy_day):
    sign_in(client, busy_day.street_admin)

    street = numbers(page_html(client.get("/console/")))
    assert street["waiting"] == "6" and street["completed_today"] == "3"
    assert street["average_stars"] == "3.0 ★"

    b = busy_day.b.community
    page = page_html(client.get(f"/console/?community_id={b.id}"))
    assert numbers(page)["waiting"] == "2" and numbers(page)["completed_today"] == "1"
    assert stat_link(page, "overdue") == f"/console/orders?community_id={b.id}&overdue=1"
    assert f'<option value="{b.id}" selected>' in page


def test_a_community_outside_the_scope_is_refused(client, busy_day):
    sign_in(client, busy_day.a.staff)
    for query in (
        f"community_id={busy_day.b.community.id}",
        "community_id=abc",
        "community_id=99999999999",
    ):
        response = client.get(f"/console/?{query}")
        assert response.status_code == 422, query
        assert "flash-error" in page_html(response)
    page = page_html(client.get(f"/console/?community_id={busy_day.b.community.id}"))
    assert "只能选择您管理的社区" in page and 'data-stat="' not in page


@pytest.mark.parametrize("who", ["a.staff", "street_admin"])
def test_the_dashboard_runs_a_fixed_number_of_queries(client, world, who):
    sign_in(client, world.user(who))
    # Once first: what is kept per process (the caller, the scope's name) is built then.
    assert client.get("/console/").status_code == 200

    counts, made = [], 0
    for total in (10, 100):
        for n in range(made, total):
            order = make_order(
                world.a,
                world.item,
                [S.SUBMITTED, S.IN_PROGRESS, S.RATED][n % 3],
                age=timedelta(days=n % 5),
                member=world.a.member,
            )
            if order.status == S.RATED:
                order.stars = 1 + n % 5
                add_event(order, "rate")
        made = total
        db.session.commit()
        with count_queries() as statements:
            assert client.get("/console/").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] <= 10, counts
