"""活动 in a real browser: staff open the demo's activities, an activity's page with the
sign-up of a member made in the mini-program, its numbers and QR code, and publish a weekly
四点半课堂 with the form (a refused end time first)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.activities.models import Activity
from app.clock import BEIJING, beijing_today, utcnow
from app.extensions import db
from tests.helpers.api import bearer, wechat_login
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in


def test_staff_see_the_sign_ups_and_the_qr_code(page, demo):
    lesson = db.session.scalar(select(Activity).where(Activity.title == "四点半课堂（第 1 期）"))
    client = demo.test_client()
    token = wechat_login(client, "member-a1").get_json()["token"]
    response = client.post(f"/api/v1/activities/{lesson.id}/signup", headers=bearer(token))
    assert response.status_code == 201

    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=活动")
    page.wait_for_url("**/console/activities")
    row = page.locator(f"#activity-{lesson.id}")
    assert "1 / 20" in row.inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "70-activities-list")
    row.locator("text=报名与签到").click()
    assert page.locator('#attendance [data-field="signed_up"]').inner_text() == "1"
    assert page.locator('#attendance [data-field="rate"]').inner_text() == "0%"
    assert "李建华" in page.locator("#signups").inner_text()
    assert page.locator("#checkin-code img").evaluate("img => img.naturalWidth") > 0
    screenshot(page, "71-activity-signups")


def test_staff_publish_a_weekly_activity(page, demo):
    sign_in(page, "demo-a-staff")
    page.goto("/console/activities/new")
    day = beijing_today(utcnow()) + timedelta(days=2)
    page.fill("#title", "四点半课堂·书法")
    page.fill("#start", f"{day}T16:30")
    page.fill("#end", f"{day}T16:00")
    page.fill("#capacity", "15")
    page.fill("#address", "百花洲社区活动室")
    page.fill("#description", "毛笔书法入门，笔墨纸砚由社区提供。")
    page.check("input[name=tags][value=四点半课堂]")
    page.fill("#repeat_weeks", "4")
    page.click("#activity-form button[type=submit]")
    assert "结束时间应晚于开始时间" in page.locator("#end-error").inner_text()
    page.fill("#end", f"{day}T18:00")
    screenshot(page, "72-activity-form")
    page.click("#activity-form button[type=submit]")
    assert flash(page) == "已发布“四点半课堂·书法”（每周一次，共 4 次）"
    db.session.expire_all()
    made = db.session.scalars(select(Activity).where(Activity.title == "四点半课堂·书法")).all()
    assert len(made) == 4
    assert made[0].start_at.astimezone(BEIJING).strftime("%H:%M") == "16:30"
