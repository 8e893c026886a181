"""内容审核 in a real browser: a description marked for review is hidden by staff."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.moderation.subjects import HIDDEN_TEXT
from app.orders.models import Order
from app.org.models import Community
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in
from tests.helpers.moderation import seeded_review

TEXT = "楼下有人张贴可疑的小广告，请社区来看看"


def marked_order() -> Order:
    """A demo-a order whose description WeChat asked a person to look at."""
    community = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    order = db.session.scalars(select(Order).where(Order.community_id == community.id)).first()
    order.description = TEXT
    seeded_review(order)
    return order


def test_staff_hide_a_marked_description(page, demo):
    order = marked_order()
    sign_in(page, "demo-a-staff")

    page.click(".mainnav >> text=内容审核")
    page.wait_for_url("**/console/content-reviews")
    row = page.locator("tr", has_text=TEXT)
    assert f"工单 #{order.id}" in row.inner_text() and "微信建议人工审核" in row.inner_text()
    assert page.locator(".mainnav .badge").inner_text() == "1"
    assert no_sideways_scrolling(page)
    screenshot(page, "40-content-reviews")

    page.once("dialog", lambda dialog: dialog.accept())
    row.locator("button", has_text="隐藏").click()

    assert flash(page) == "已隐藏该内容"
    assert page.locator("tr", has_text=TEXT).count() == 0
    db.session.expire_all()
    assert db.session.get(Order, order.id).description == HIDDEN_TEXT
    page.click(".tabs >> text=已隐藏")
    assert page.locator("tr", has_text=TEXT).count() == 1
