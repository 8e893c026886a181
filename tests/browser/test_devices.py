"""一键通 in a real browser: staff register a device for a household and copy its secret
from the one page that shows it; the device presses, and the urgent order is the first row
of the queue, marked, with the nav's badge counting it."""

from __future__ import annotations

from tests.helpers.browser import no_sideways_scrolling, screenshot, sign_in
from tests.helpers.devices import Registered, press


def test_register_a_device_then_its_press_leads_the_queue(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=一键通")
    page.wait_for_url("**/console/devices")
    assert "DEMO-A-0001" in page.locator("table.devices").inner_text()
    assert "DEMO-B-0001" not in page.content()

    page.click("#device-register summary")
    page.fill("#serial", "XH-2024-0188")
    page.fill("#resident_name", "赵桂芳")
    page.fill("#resident_phone", "139079")
    page.fill("#address", "民强街 8 号 2 栋 1 单元 301")
    page.click("#device-form button[type=submit]")
    assert "请填写正确的手机号码" in page.locator("#device-form").inner_text()
    page.fill("#resident_phone", "13907918888")
    page.fill("#contact_name", "赵小军")
    page.fill("#contact_phone", "13907919999")
    page.select_option("#carer_ids", index=0)
    page.click("#device-form button[type=submit]")

    secret = page.locator("#secret-value").inner_text()
    assert len(secret) == 64
    assert no_sideways_scrolling(page)
    screenshot(page, "80-devices-secret-once")
    page.reload()
    assert secret not in page.content()

    answer = press(demo.test_client(), Registered(0, "XH-2024-0188", secret))
    assert answer.status_code == 201, answer.get_json()
    order_id = answer.get_json()["order_id"]

    page.goto(page.url)
    assert page.locator(".mainnav a[href='/console/devices'] .badge").inner_text() == "1"
    screenshot(page, "81-devices-list")
    page.click(".mainnav >> text=工单")
    page.wait_for_url("**/console/orders**")
    first = page.locator("tbody tr").first
    assert first.get_attribute("data-order-id") == str(order_id)
    assert "一键通 · 紧急" in first.inner_text()
    screenshot(page, "82-devices-urgent-first-in-queue")
