"""纪实手册、反馈卡与两台账 in a real browser: staff issue a 反馈卡 on the demo member's page and
preview it (the rendered card), see the ledgers' page; the unit's account signs in and
downloads the card, whose PDF says what staff wrote."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.clock import beijing_today, utcnow
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in
from tests.helpers.records import pdf_text

COMMENT = "积极参加周六报到与志愿服务，认真兑现承诺。"


def test_staff_issue_a_card_and_the_unit_downloads_it(page, demo):
    today = beijing_today(utcnow())
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=党员")
    page.click(".roster a >> text=李建华")
    page.wait_for_url("**/console/members/*/record")
    assert page.locator("#cards tbody tr").count() == 1  # the demo's card of the first half
    page.fill("#from", date(today.year, 1, 1).isoformat())
    page.fill("#to", today.isoformat())
    page.check("input[name=evaluation][value=good]")
    page.fill("#comment", COMMENT)
    page.click("#card-form button[type=submit]")
    assert flash(page) == "已出具李建华的反馈卡（良好）"
    assert page.locator("#cards tbody tr").count() == 2
    assert no_sideways_scrolling(page)
    screenshot(page, "95-member-record")

    page.click("#cards tbody tr >> nth=0 >> text=预览")
    page.wait_for_url("**/console/feedback-cards/*")
    card = page.locator("#feedback-card")
    assert "良好" in card.locator(".evaluation").inner_text()
    assert COMMENT in card.inner_text() and "南昌市东湖区民政局" in card.inner_text()
    screenshot(page, "96-feedback-card")

    page.click(".mainnav >> text=台账")
    page.wait_for_url("**/console/ledgers")
    with page.expect_download() as download:
        page.click("#members-ledger button[type=submit]")
    assert download.value.suggested_filename.startswith("在职党员服务台账_")
    screenshot(page, "97-ledgers")

    page.click("text=退出登录")
    sign_in(page, "demo-unit")
    page.wait_for_url("**/console/unit/members")
    rows = page.locator("#feedback-cards tbody tr")
    assert rows.count() == 2 and "良好" in rows.first.inner_text()
    with page.expect_download() as download:
        rows.first.locator(".card-pdf").click()
    text = pdf_text(Path(download.value.path()).read_bytes())
    assert "李建华" in text and "南昌市东湖区民政局" in text and COMMENT in text
    assert no_sideways_scrolling(page)
    screenshot(page, "98-unit-feedback-cards")
