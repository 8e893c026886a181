"""共建单位 and 1+X 承诺 in a real browser: staff add a unit paired with their community and
open its account, see the members' 1+X progress and mark a community item; the unit's
account signs in to its members and nothing else."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.units.models import CoBuildingUnit
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in


def test_staff_add_a_unit_and_open_its_account(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=共建单位")
    page.wait_for_url("**/console/units")
    assert page.locator("#units tbody tr").count() == 5
    assert no_sideways_scrolling(page)
    screenshot(page, "70-units")

    page.click(".subnav >> text=新增单位")
    page.fill("#name", "南昌市东湖区司法局")
    page.select_option("#kind", label="机关")
    page.fill("#contact_name", "周科长")
    page.fill("#contact_phone", "13700001234")
    page.check("input[name=community_ids]")
    page.click("#unit-form button[type=submit]")
    assert flash(page) == "已添加共建单位“南昌市东湖区司法局”"
    page.fill("#unit-accounts #username", "donghu-sifa")
    page.fill("#unit-accounts #password", "demo-pass-456")
    page.click("#unit-accounts button[type=submit]")
    assert flash(page) == "已为“南昌市东湖区司法局”开设账号 donghu-sifa"
    page.select_option("#registration_id", index=0)
    page.click("#unit-bound button[type=submit]")
    assert "绑定到“南昌市东湖区司法局”" in flash(page)
    db.session.expire_all()
    unit = db.session.scalar(
        select(CoBuildingUnit).where(CoBuildingUnit.name == "南昌市东湖区司法局")
    )
    assert unit is not None and len(unit.communities) == 1
    assert no_sideways_scrolling(page)
    screenshot(page, "71-unit-form")


def test_staff_see_the_1_x_progress_and_mark_a_community_item(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=1+X 承诺")
    page.wait_for_url("**/console/commitments")
    table = page.locator("#commitment-table")
    assert "开展一次志愿服务" in table.inner_text()
    page.click("#commitment-table button >> text=记一次")
    assert flash(page) == "已记录一次“楼道清洁”：1/2"
    assert "楼道清洁 1/2" in page.locator("#commitment-table").inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "72-commitments")


def test_the_unit_account_sees_its_members_only(page, demo):
    sign_in(page, "demo-unit")
    page.wait_for_url("**/console/unit/members")
    rows = page.locator("#unit-members tbody tr")
    assert rows.count() == 1 and "李建华" in rows.first.inner_text()
    assert page.locator(".mainnav a").all_inner_texts() == ["本单位党员"]
    assert "反馈卡" in page.locator("#feedback-cards").inner_text()
    page.goto("/console/orders")
    page.wait_for_url("**/console/unit/members")
    assert no_sideways_scrolling(page)
    screenshot(page, "73-unit-members")
