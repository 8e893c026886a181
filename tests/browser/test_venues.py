"""场所 in a real browser: a staff member adds a venue with photos and an illustrated
description, sees the sanitised preview and the mini-program code on its page, finds it in
GET /venues with its pictures, hides it (gone from the API, marked in the list) and shows it
again; a bad line in the form is named next to its field."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.venues.models import Venue
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in
from tests.helpers.uploads import image_bytes

expect = pytest.importorskip("playwright.sync_api").expect

NAME = "苏圃路红色驿站"


def fill_venue(page) -> None:
    page.fill("#name", NAME)
    page.select_option("#type", label="红色驿站")
    page.fill("#address", "东湖区苏圃路 70 号")
    page.fill("#latitude", "28.6829")
    page.fill("#longitude", "115.9058")
    page.fill("#phone", "0791-86205678")
    page.fill("#services", "在职党员报到\n政策咨询\n爱心雨伞")
    page.fill("#facilities", "休息座椅\n饮水机\n充电宝")
    page.fill("#opening_hours", "每天 00:00-24:00")
    page.fill("#closed_dates", "2027-01-01 元旦")
    page.check("#closed_on_holidays")
    page.fill("#description", "苏圃路上的红色家园，随时歇脚。")
    page.fill(
        "#intro_html",
        "<h2>驿站简介</h2><p>欢迎<strong>党员群众</strong>来坐坐。</p>"
        '<ul><li>免费饮水</li><li>手机充电</li></ul><script>alert("x")</script>'
        '<p><a href="javascript:alert(1)" onclick="alert(2)">坏链接</a></p>',
    )
    # Two photos uploaded through the form's photo field, as staff pick them.
    page.set_input_files(
        "#photos-picker",
        [
            {"name": "门口.png", "mimeType": "image/png", "buffer": image_bytes("PNG", (960, 640))},
            {"name": "大厅.jpg", "mimeType": "image/jpeg", "buffer": image_bytes("JPEG")},
        ],
    )
    expect(page.locator(".photo-thumbs img")).to_have_count(2)


def test_add_a_venue_see_its_page_and_code_then_hide_and_show_it(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=场所")
    page.wait_for_url("**/console/venues")
    page.click(".subnav >> text=添加场所")
    fill_venue(page)
    page.fill("#opening_hours", "周一至周八 08:30-17:30")
    page.click("#venue-form button[type=submit]")
    assert "看不懂“周一至周八”" in page.locator("#opening_hours-error").inner_text()
    screenshot(page, "55-venue-form-error")

    page.fill("#opening_hours", "每天 00:00-24:00")
    page.click("#venue-form button[type=submit]")
    assert flash(page) == f"已添加场所“{NAME}”"
    intro = page.locator("#venue-intro")
    assert intro.locator("h2").inner_text() == "驿站简介"
    assert intro.locator("script").count() == 0 and intro.locator("[onclick]").count() == 0
    assert intro.locator("a").get_attribute("href") is None
    code = page.locator(".venue-code img")
    code.wait_for()
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", code.element_handle())
    assert "此刻开放中" in page.inner_text(".venue-page")
    assert no_sideways_scrolling(page)
    screenshot(page, "56-venue-page")

    db.session.expire_all()
    venue = db.session.scalar(select(Venue).where(Venue.name == NAME))
    listed = page.request.get("/api/v1/venues?limit=100").json()["items"]
    [item] = [v for v in listed if v["id"] == venue.id]
    assert item["open_now"] is True and len(item["photos"]) == 2
    for url in item["photos"]:  # the uploaded images themselves, EXIF-free, served
        assert url.startswith(demo.config["PUBLIC_BASE_URL"] + "/media/")
        served = page.request.get(url)
        assert served.status == 200 and served.headers["content-type"].startswith("image/")

    with page.expect_download() as download:
        page.click("text=下载小程序码")
    assert download.value.suggested_filename == f"venue-{venue.id}.png"

    page.click(".venue-actions button >> text=隐藏")
    assert "居民看不到它了" in flash(page)
    assert page.request.get(f"/api/v1/venues/{venue.id}").status == 404
    page.click(".subnav >> text=场所列表")
    assert page.locator(f"#venue-{venue.id} .hidden-badge").inner_text() == "已隐藏"
    assert no_sideways_scrolling(page)
    screenshot(page, "57-venues")

    page.click(f"#venue-{venue.id} a >> text={NAME}")
    page.click(".venue-actions button >> text=恢复显示")
    assert flash(page) == f"已恢复显示场所“{NAME}”"
    assert page.request.get(f"/api/v1/venues/{venue.id}").status == 200
