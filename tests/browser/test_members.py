"""党员 in a real browser: approving and rejecting registrations (报到审核), the roster."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import Role, User, UserRole
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.org.models import Community
from tests.helpers.browser import no_sideways_scrolling, screenshot, sign_in


def profile_of(name: str) -> MemberProfile:
    db.session.expire_all()
    return db.session.scalar(select(MemberProfile).where(MemberProfile.name == name))


def new_registration(name: str) -> MemberProfile:
    """A resident of demo-a who has just registered (报到) in the mini-program."""
    community = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    applicant = User(openid=f"browser-{name}", display_name=name)
    applicant.roles.append(UserRole(role=Role.RESIDENT))
    db.session.add(applicant)
    db.session.flush()
    profile = MemberProfile(
        user_id=applicant.id,
        community_id=community.id,
        name=name,
        unit_name="南昌市东湖区城市管理局",
        letter_no="DH-JG-2026-0099",
        phone="13970010099",
        skills=["文化宣传"],
    )
    db.session.add(profile)
    db.session.commit()
    return profile


def open_review_queue(page) -> None:
    page.click(".mainnav >> text=党员")
    page.click(".subnav >> text=报到审核")
    page.wait_for_url("**/console/members/registrations")


def test_staff_approve_a_registration_and_see_the_new_member(page, demo):
    sign_in(page, "demo-a-staff")
    open_review_queue(page)
    row = page.locator("tr", has_text="徐丽萍")
    assert "DH-JG-2026-0003" in row.inner_text() and "医疗保健" in row.inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "30-registrations")

    page.once("dialog", lambda dialog: dialog.accept())
    row.locator("button", has_text="通过").click()

    assert "已通过 徐丽萍 的报到申请" in page.locator(".flash-success").inner_text()
    assert page.locator("tr", has_text="徐丽萍").count() == 0
    page.click(".tabs >> text=已通过")
    assert page.locator("tr", has_text="徐丽萍").count() == 1
    page.click(".subnav >> text=党员名册")
    assert "南昌市东湖区卫生健康委员会" in page.locator("tr", has_text="徐丽萍").inner_text()
    assert "李建华" in page.locator("table.roster").inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "31-members")
    profile = profile_of("徐丽萍")
    assert profile.status == RegistrationStatus.APPROVED and profile.user.has_role(Role.MEMBER)


def test_dismissing_the_confirmation_changes_nothing(page, demo):
    sign_in(page, "demo-a-staff")
    open_review_queue(page)

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("tr", has_text="徐丽萍").locator("button", has_text="通过").click()

    assert page.locator("tr", has_text="徐丽萍").count() == 1
    assert profile_of("徐丽萍").status == RegistrationStatus.PENDING


def test_staff_reject_a_registration_with_a_reason(page, demo):
    new_registration("周海燕")
    sign_in(page, "demo-a-staff")
    open_review_queue(page)

    page.locator("tr", has_text="周海燕").locator("text=驳回").click()
    page.click("text=确认驳回")  # neither a common reason nor a written one
    assert page.locator(".field-error").inner_text() == "请选择常用理由或填写驳回理由"

    page.select_option("#preset", "介绍信信息有误")
    page.fill("#reason", "编号与单位开具的不一致，请核对后重新提交")
    page.click("text=确认驳回")

    assert "已驳回 周海燕 的报到申请" in page.locator(".flash-success").inner_text()
    page.click(".tabs >> text=已驳回")
    reason = "介绍信信息有误：编号与单位开具的不一致，请核对后重新提交"
    assert reason in page.locator("tr", has_text="周海燕").inner_text()
    assert profile_of("周海燕").reject_reason == reason


def test_the_pages_fit_a_tablet(page, demo):
    page.set_viewport_size({"width": 768, "height": 1024})
    sign_in(page, "demo-a-staff")
    for path in ("/console/members", "/console/members/registrations"):
        page.goto(path)
        assert no_sideways_scrolling(page), path
        table_fits = page.evaluate(
            "[...document.querySelectorAll('.table-wrap')]"
            ".every(w => w.scrollWidth <= w.clientWidth)"
        )
        assert table_fits, path


def test_staff_adjust_a_members_points_from_the_roster(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=党员")
    row = page.locator("table.roster tr", has_text="李建华")
    before = int(row.locator("td.points").inner_text())
    row.locator("td.points a").click()
    page.wait_for_url("**/console/members/*/points")
    page.fill("#delta", "5")
    page.fill("#reason", "参加周六报到志愿服务")
    page.click("text=确认调整")
    assert f"当前余额 {before + 5}" in page.locator(".flash").inner_text()
    assert "参加周六报到志愿服务" in page.locator("table.ledger").inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "32-member-points")
