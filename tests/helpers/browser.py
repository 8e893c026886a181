"""Helpers of the browser tests (tests/browser): signing in, screenshots, the layout, and the
demo's orders by their description with the order page of one."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import select

from app.extensions import db
from app.orders.models import Order

SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", "screenshots"))
DEMO_PASSWORD = "demo-pass-123"

# Demo orders of demo-a (app/seed/people_data.py), by a piece of their description.
SUBMITTED = "厨房水龙头一直滴水"
APPROVED = "降压药"
PUBLISHED = "省人民医院复查"
DISPATCHED = "空气开关一合就跳"
COMPLETED = "房东不退押金"
RATED = "楼道里的声控灯坏了"


def new_context(browser, base_url: str):
    """A browser context as a desk's screen: 1366×768, Chinese, 10 s for anything to happen."""
    context = browser.new_context(
        viewport={"width": 1366, "height": 768}, locale="zh-CN", base_url=base_url
    )
    context.set_default_timeout(10_000)
    return context


def sign_in(page, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/console/login")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/console/(?!login).*"))


def screenshot(page, name: str) -> Path:
    """Full-page PNG in SCREENSHOT_DIR (default `screenshots/`), for people to look at."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


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
