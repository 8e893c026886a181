"""商户 in a real browser: adding a merchant with its account, recording a service from the
list, and marking a merchant 信得过 in the quarter's ranking."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from app.merchants.models import Merchant
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in


def test_add_a_merchant_record_a_service_and_mark_it_trusted(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=商户")
    page.wait_for_url("**/console/merchants")
    assert page.locator("tr[data-merchant-id] .trusted-badge").count() >= 1
    page.click(".subnav >> text=添加商户")
    page.fill("#name", "百花洲培优书画培训")
    page.select_option("#category", label="培训")
    page.fill("#address", "东湖区苏圃路 70 号")
    page.fill("#latitude", "28.6829")
    page.fill("#longitude", "115.9058")
    page.fill("#opening_hours", "周二至周日 14:00-20:30")
    page.fill("#services", "四点半课堂\n书法公益课")
    page.fill("#username", "demo-a-school")
    page.fill("#password", "demo-pass-456")
    page.click("#merchant-form button[type=submit]")

    assert flash(page) == "已添加商户“百花洲培优书画培训”"
    db.session.expire_all()
    merchant = db.session.scalar(select(Merchant).where(Merchant.name == "百花洲培优书画培训"))
    assert merchant.services == ["四点半课堂", "书法公益课"]
    assert db.session.get(User, merchant.account_id).username == "demo-a-school"

    row = page.locator(f"#merchant-{merchant.id}")
    row.locator("input[name=service]").fill("书法公益课")
    row.locator("button[type=submit]").click()
    assert "便民服务积分 1" in flash(page)
    assert page.locator(f"#merchant-{merchant.id} [data-points]").inner_text() == "1"
    assert no_sideways_scrolling(page)
    screenshot(page, "50-merchants")

    page.click(".subnav >> text=季度排名")
    ranked = page.locator(f"#rank-{merchant.id}")
    ranked.locator("button >> text=评为信得过").click()
    assert "评为社区信得过经营户" in flash(page)
    assert page.locator(f"#rank-{merchant.id} .trusted-badge").count() == 1
    db.session.expire_all()
    assert db.session.get(Merchant, merchant.id).trusted is True
    assert no_sideways_scrolling(page)
    screenshot(page, "51-merchant-ranking")
