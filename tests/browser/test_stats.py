"""统计 in a real browser: the street admin opens the page from the navigation, reads the
demo's last 30 days with each community side by side, narrows it to one community, and
downloads the orders' ledger."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.helpers.browser import no_sideways_scrolling, screenshot, sign_in


def test_the_street_admin_compares_the_communities_and_downloads_the_ledger(page, demo):
    sign_in(page, "demo-street-admin")
    page.click(".mainnav >> text=统计")
    page.wait_for_url("**/console/stats")
    assert page.locator("#totals").is_visible() and page.locator("#compared").is_visible()
    assert page.locator("#compared tbody tr").count() >= 2
    assert page.locator("#by-day tbody tr").count() == 30
    assert no_sideways_scrolling(page)
    screenshot(page, "95-stats")

    page.select_option("#filter-community", label="百花洲社区")
    page.click("form.filters button")
    page.wait_for_url("**community_id=*")
    assert not page.locator("#compared").is_visible()

    with page.expect_download() as download:
        page.click("#export")
    assert download.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()), read_only=True)
    header = next(book.active.values)
    assert header[:3] == ("编号", "提交时间", "社区")
    communities = {row[2] for row in list(book.active.values)[1:]}
    assert communities <= {"百花洲社区"}
