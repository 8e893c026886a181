"""意见建议, 结对帮扶 and the queue's 微心愿 filter in a real browser, on the demo data."""

from __future__ import annotations

from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in

PENDING = "3 栋楼道的声控灯经常不亮，建议统一更换。"


def test_staff_answer_a_suggestion(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=意见建议")
    page.wait_for_url("**/console/suggestions")
    assert page.locator(".suggestion").count() == 2  # demo-a's only
    assert no_sideways_scrolling(page)
    page.click(".tabs >> text=待答复")
    card = page.locator(".suggestion", has_text=PENDING)
    card.locator("textarea").fill("已报物业，本周内全部更换为感应灯。")
    screenshot(page, "70-suggestions-answer")
    card.locator("button", has_text="答复并通知").click()
    assert "已答复意见建议" in flash(page)
    assert page.locator(".suggestion", has_text=PENDING).count() == 0
    page.click(".tabs >> text=已答复")
    answered = page.locator(".suggestion", has_text=PENDING)
    assert "已报物业" in answered.inner_text()
    screenshot(page, "71-suggestions-answered")


def test_staff_see_pairings_and_their_visits(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=结对帮扶")
    page.wait_for_url("**/console/pairings")
    row = page.locator("tr", has_text="赵秀英")
    assert "李建华" in row.inner_text() and "2" in row.inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "72-pairings")
    row.locator("a").first.click()
    page.wait_for_url("**/console/pairings/*")
    assert page.locator(".visit").count() == 2
    assert "陪老人聊天" in page.locator(".visit").first.inner_text()
    screenshot(page, "73-pairing-visits")


def test_the_queue_shows_only_wishes_when_asked(page, demo):
    sign_in(page, "demo-a-staff")
    page.goto("/console/orders")
    page.select_option("#kind", "wish")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**kind=wish**")
    rows = page.locator("tbody tr")
    assert rows.count() >= 1
    assert rows.count() == page.locator("tbody tr .tag-wish").count()
    screenshot(page, "74-queue-wishes")
