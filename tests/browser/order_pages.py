"""Helpers for the order page browser tests: demo orders by their description, and the
order page of one."""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.orders.models import Order

# Demo orders of demo-a (app/seed/people_data.py), by a piece of their description.
SUBMITTED = "厨房水龙头一直滴水"
APPROVED = "降压药"
PUBLISHED = "省人民医院复查"
DISPATCHED = "空气开关一合就跳"
COMPLETED = "房东不退押金"
RATED = "楼道里的声控灯坏了"


def demo_order(text: str) -> Order:
    db.session.expire_all()
    return db.session.scalar(select(Order).where(Order.description.contains(text)))


def open_order(page, text: str) -> Order:
    order = demo_order(text)
    page.goto(f"/console/orders/{order.id}")
    return order


def status_label(page) -> str:
    return page.locator("#order-status").inner_text()


def flash(page, kind: str = "success") -> str:
    return page.locator(f".flash-{kind}").inner_text()


def no_sideways_scrolling(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
