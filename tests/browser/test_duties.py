"""报到 in a real browser: the liaison venue's code to print and the week's roster with its
reminder, appointing a 楼栋长 with the 三亮, and hiding an entry of the 先锋墙."""

from __future__ import annotations

from sqlalchemy import select

from app.clock import utcnow
from app.duties import codes
from app.duties.models import LiaisonVenue
from app.extensions import db
from app.members.models import MemberProfile
from app.org.models import Community
from app.venues.models import Venue
from tests.helpers.api import auth
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in


def demo_a_members() -> list[MemberProfile]:
    community = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    return list(
        db.session.scalars(
            select(MemberProfile)
            .where(MemberProfile.community_id == community.id, MemberProfile.status == "approved")
            .order_by(MemberProfile.id)
        )
    )


def report_now(app, profile: MemberProfile) -> None:
    """The member scans this week's code at the liaison venue, in the mini-program."""
    liaison = db.session.scalar(
        select(LiaisonVenue).where(LiaisonVenue.community_id == profile.community_id)
    )
    venue = db.session.get(Venue, liaison.venue_id)
    body = {"code": codes.issue(venue.id, utcnow()), "latitude": venue.latitude}
    body["longitude"] = venue.longitude
    response = app.test_client().post(
        "/api/v1/member/checkins", json=body, headers=auth(profile.user)
    )
    assert response.status_code == 201, response.get_json()


def test_the_roster_the_reminder_and_the_code_to_print(page, demo):
    first, second = demo_a_members()[:2]
    report_now(demo, first)
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=报到")
    page.wait_for_url("**/console/duties/checkins")
    assert "已报到 1 人，未报到 1 人" in page.locator("#roster-counts").inner_text()
    assert page.locator(f"#member-{first.user_id} [data-field=reports]").inner_text() == "1"
    page.click("#remind-form button")
    assert flash(page) == "已提醒 1 名本周未报到的党员"
    assert page.locator(f"#member-{second.user_id} [data-field=reminded]").inner_text() == "已提醒"
    assert page.evaluate("document.querySelector('#code img').naturalWidth") > 0
    assert no_sideways_scrolling(page)
    screenshot(page, "90-duties-checkins")

    with page.expect_popup() as popup:
        page.click("#print-code")
    sheet = popup.value
    sheet.wait_for_load_state()
    assert sheet.evaluate("document.querySelector('img').naturalWidth") > 0
    screenshot(sheet, "91-duties-code")


def test_appoint_a_building_lead_and_hide_a_wall_entry(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=报到")
    page.click(".subnav >> text=楼栋长")
    page.wait_for_url("**/console/duties/leads*")
    led = page.locator("tr", has=page.locator("[data-field=lead]")).first
    led.locator("button", has_text="卸任").click()
    assert flash(page) == "楼栋长已卸任"
    page.locator("details.appoint summary").first.click()
    form = page.locator(".appoint-form").first
    form.locator("button").click()
    assert "请选择党员" in page.locator(".field-error").first.inner_text()
    form = page.locator(".appoint-form").first
    name = form.locator("select option").nth(1).inner_text().replace("（本楼栋）", "")
    form.locator("select").select_option(index=1)
    form.locator("input[name=commitment]").fill("每周走访本楼栋独居老人")
    form.locator("button").click()
    assert flash(page) == f"已任命 {name} 为党员楼栋长"
    assert "每周走访本楼栋独居老人" in page.locator(".leads").inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "92-duties-leads")

    page.click(".subnav >> text=先锋墙")
    page.wait_for_url("**/console/duties/wall*")
    row = page.locator("table.wall tbody tr").first
    assert row.locator("[data-field=state]").inner_text() == "公开显示"
    assert page.evaluate("document.querySelector('.wall-photo').naturalWidth") > 0
    row.locator("button", has_text="隐藏").click()
    assert flash(page) == "已在公开的先锋墙上隐藏"
    assert page.locator("table.wall tbody tr").first.locator("[data-field=state]").inner_text() == (
        "已隐藏"
    )
    screenshot(page, "93-duties-wall")
