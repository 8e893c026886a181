"""The dashboard and the order queue in a real browser: numbers, tabs, filters, search, and
a new order showing up without a reload."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.catalog.models import CatalogItem
from app.extensions import db
from app.orders.services import create_order
from app.org.models import Community
from tests.helpers.browser import screenshot, sign_in

# demo-a's ten orders: one in each status (see app/seed/people_data.py).
DEMO_A_TABS = {
    "submitted": "2",  # a 微心愿 waits for screening beside the order
    "approved": "1",
    "dispatched": "1",
    "published": "2",  # and one open to members
    "serving": "2",
    "finished": "4",  # and two fulfilled
    "rejected": "1",
}


def tab_count(page, key: str) -> str:
    return page.locator(f'a.tab[data-tab="{key}"] .badge').inner_text()


def rows(page):
    return page.locator("table.queue tbody tr[data-order-id]")


def test_dashboard_shows_todays_numbers(page):
    sign_in(page, "demo-a-staff")
    page.goto("/console/")

    assert page.locator('[data-stat="waiting"] .stat').inner_text() == "6"
    assert page.locator('[data-stat="average_stars"] .stat').inner_text() == "5.0 ★"
    assert rows(page).count() >= 1  # the most overdue orders
    screenshot(page, "10-dashboard")

    page.click('[data-stat="waiting"]')
    page.wait_for_url(re.compile(r".*/console/orders\?status=waiting"))
    assert rows(page).count() == 6
    assert "状态：待处理" in page.locator(".chips").inner_text()


def test_queue_tabs_filters_and_search(page):
    sign_in(page, "demo-a-staff")
    page.goto("/console/orders")

    assert {key: tab_count(page, key) for key in DEMO_A_TABS} == DEMO_A_TABS
    assert rows(page).count() == 14
    assert "八一广场" not in page.locator("table.queue").inner_text()  # demo-b's orders
    screenshot(page, "11-queue")

    page.click('a.tab[data-tab="serving"]')
    page.wait_for_url(re.compile(r".*status=serving"))
    assert rows(page).count() == 2
    assert page.locator("table.queue .status").all_inner_texts() == ["服务中", "已接单"]

    page.click("a.tab >> text=全部")
    page.check("input[name=overdue]")
    page.click("button:has-text('筛选')")
    page.wait_for_url(re.compile(r".*overdue=1"))
    overdue = rows(page)
    assert overdue.count() >= 1
    assert page.locator("table.queue tbody tr.overdue").count() == overdue.count()
    assert page.locator("table.queue .tag-overdue").count() == overdue.count()

    page.goto("/console/orders")
    page.fill("#q", "13807910001")  # resident-a1's phone
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r".*q=13807910001"))
    assert rows(page).count() == 7
    assert set(page.locator("table.queue .phone").all_inner_texts()) == {"13807910001"}
    assert page.input_value("#q") == "13807910001"


def test_street_admin_sees_the_street_and_picks_a_community(page):
    sign_in(page, "demo-street-admin")
    page.goto("/console/orders")
    assert rows(page).count() == 17
    assert "八一广场社区" in page.locator("table.queue").inner_text()
    screenshot(page, "11-queue-street-admin")

    page.select_option("#community_id", label="八一广场社区")
    page.click("button:has-text('筛选')")
    page.wait_for_url(re.compile(r".*community_id=\d+"))
    assert rows(page).count() == 3
    assert set(page.locator("table.queue tbody td:nth-child(3)").all_inner_texts()) == {
        "八一广场社区"
    }


def test_a_bad_filter_is_shown_next_to_the_field(page):
    sign_in(page, "demo-a-staff")
    response = page.goto("/console/orders?created_from=2026-05-10&created_to=2026-05-01")

    assert response.status == 422
    assert page.locator(".field-error").inner_text() == "结束日期不能早于开始日期"
    assert "invalid" in page.locator("#created_to").get_attribute("class")


@pytest.fixture
def fast_polling(demo):
    demo.config["CONSOLE_POLL_SECONDS"] = 1
    yield
    demo.config.pop("CONSOLE_POLL_SECONDS")


def test_a_new_order_appears_without_a_reload(page, demo, fast_polling):
    sign_in(page, "demo-a-staff")
    page.goto("/console/orders")
    assert tab_count(page, "submitted") == "2"
    page.evaluate("window.notReloaded = true")

    resident = db.session.scalar(select(User).where(User.openid == "fake-resident-a1"))
    community = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    item = db.session.scalar(select(CatalogItem).where(CatalogItem.name == "水龙头维修"))
    order = create_order(
        resident,
        {
            "community_id": community.id,
            "item_id": item.id,
            "description": "卫生间水龙头也坏了",
            "address": "东湖区苏圃路 88 号2栋",
            "contact_phone": "13807910001",
            "contact_name": "张桂兰",
        },
    )

    badge = page.locator(".new-badge")
    badge.wait_for()
    assert badge.inner_text() == "有 1 条新工单，点击刷新"
    assert tab_count(page, "submitted") == "3"
    assert page.evaluate("window.notReloaded") is True
    badge.click()
    page.wait_for_selector(f'tr[data-order-id="{order.id}"]')
    assert rows(page).first.get_attribute("data-order-id") == str(order.id)


def test_polling_after_the_session_ended_sends_the_page_to_sign_in(page, fast_polling):
    sign_in(page, "demo-a-staff")
    page.goto("/console/orders")
    page.context.clear_cookies()

    page.wait_for_url("**/console/login")  # the next poll answers with HX-Redirect
    assert page.locator("form #password").count() == 1
    assert page.locator("#new-orders").count() == 0


def test_the_queue_and_dashboard_fit_a_tablet(page):
    page.set_viewport_size({"width": 768, "height": 1024})
    sign_in(page, "demo-a-staff")
    page.goto("/console/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    screenshot(page, "10-dashboard-tablet")

    page.goto("/console/orders")
    assert rows(page).count() == 14
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    table = page.locator(".table-wrap")  # status and member in view, without scrolling
    assert table.evaluate("el => el.scrollWidth <= el.clientWidth")
    screenshot(page, "11-queue-tablet")
