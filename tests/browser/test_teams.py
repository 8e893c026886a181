"""团队 in a real browser: staff create a team through the form, then dispatch an approved
demo order to a team from the order's page; the team's member then takes it."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.members.models import MemberProfile
from app.teams.models import ServiceTeam
from tests.helpers.api import post
from tests.helpers.browser import (
    APPROVED,
    flash,
    no_sideways_scrolling,
    open_order,
    screenshot,
    sign_in,
    status_label,
)


def test_create_a_team_then_dispatch_an_order_to_a_team(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=团队")
    page.wait_for_url("**/console/teams")
    assert page.locator("table.teams tbody tr").count() >= 2  # the demo's teams
    assert no_sideways_scrolling(page)
    screenshot(page, "65-teams")

    page.click("#team-new")
    page.fill("#name", "白天使医疗队")
    page.click("#team-form button[type=submit]")
    assert "请选择团队类型" in page.locator("#kind-error").inner_text()
    page.select_option("#kind", "white_angel")
    page.select_option("#leader_id", label="李建华")
    page.locator("#member-choices label", has_text="吴晓明").locator("input").check()
    page.locator("#category-choices label", has_text="医疗保健").first.locator("input").check()
    screenshot(page, "66-team-form")
    page.click("#team-form button[type=submit]")
    assert flash(page) == "已保存团队“白天使医疗队”"
    db.session.expire_all()
    created = db.session.scalar(select(ServiceTeam).where(ServiceTeam.name == "白天使医疗队"))
    assert "2 人" in page.locator(f"#team-{created.id} [data-field=members]").inner_text()

    order = open_order(page, APPROVED)
    form = page.locator("#dispatch-team-form")
    assert form.locator(".candidate").count() >= 3
    form.locator(".candidate", has_text="热心帮").locator("input").check()
    screenshot(page, "67-order-dispatch-team")
    form.locator("button[type=submit]").click()
    assert flash(page) == "已派给团队，等待团队中一人接单"
    assert status_label(page) == "已派单"
    assert "热心帮" in page.locator("#assigned-team").inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "68-order-waiting-for-team")

    member = db.session.scalar(select(MemberProfile).where(MemberProfile.name == "吴晓明")).user
    taken = post(demo.test_client(), member, f"/member/orders/{order.id}/take")
    assert taken.status_code == 200, taken.get_json()
    page.reload()
    assert status_label(page) == "已接单"
    assert "吴晓明" in page.locator("#assigned-member").inner_text()
