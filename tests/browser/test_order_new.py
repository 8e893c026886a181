"""代点单 in a real browser: a mistake is shown next to its field with the typed text kept,
then the order is entered and its page opens."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from app.orders.models import Order, OrderSource
from app.orders.models import OrderStatus as S
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in, status_label


def test_enter_an_order_for_a_resident_without_a_smartphone(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=代点单")
    page.wait_for_url("**/console/orders/new")
    page.fill("#contact_name", "刘桂英")
    page.fill("#contact_phone", "1397910")  # a digit short of a number
    page.fill("#address", "东湖区叠山路 112 号1栋 302 室")
    page.select_option("#item_id", label="下水道疏通")
    page.select_option("#building_id", label="叠山路 112 号1栋")
    page.fill("#description", "厨房下水道堵了，老人腿脚不便。\n下午在家。")
    assert no_sideways_scrolling(page)
    screenshot(page, "22-order-new")
    page.click("#order-new-form button[type=submit]")

    assert page.locator("#contact_phone-error").inner_text() == "请填写正确的手机号码"
    assert page.input_value("#contact_name") == "刘桂英"
    assert page.input_value("#description") == "厨房下水道堵了，老人腿脚不便。\n下午在家。"
    assert page.locator("#item_id option:checked").inner_text() == "下水道疏通"
    assert db.session.scalar(select(Order).where(Order.contact_name == "刘桂英")) is None

    page.fill("#contact_phone", "13979100088")
    page.check("input[name=approve]")
    page.click("#order-new-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/console/orders/\d+$"))
    assert "已为居民刘桂英代点单" in flash(page)
    assert status_label(page) == "待派单"
    assert "代点单：王晓燕" in page.locator("#timeline").inner_text()

    db.session.expire_all()
    order = db.session.scalar(select(Order).where(Order.contact_name == "刘桂英"))
    assert (order.status, order.source, order.contact_phone) == (
        S.APPROVED,
        OrderSource.DESK,
        "13979100088",
    )
    assert order.item.name == "下水道疏通" and order.building_id is not None
    resident = db.session.get(User, order.resident_id)
    assert (resident.display_name, resident.openid) == ("刘桂英", None)
    assert page.url.endswith(f"/console/orders/{order.id}")


def test_the_form_fits_a_tablet(page, demo):
    page.set_viewport_size({"width": 768, "height": 1024})
    sign_in(page, "demo-street-admin")
    page.goto("/console/orders/new")
    assert page.locator("#community_id").is_visible()
    assert no_sideways_scrolling(page)
    screenshot(page, "22-order-new-tablet")
