"""积分商城 in a real browser: staff offer a reward through the form, a member redeems it in
the mini-program, and the counter verifies the code typed in the 核销 form with Enter, as a
USB scanner sends it; the same code a second time is refused."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from app.mall.models import Redemption, Reward
from app.members.models import MemberProfile
from app.org.models import Community
from tests.helpers import mall
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in


def demo_a_member() -> User:
    community = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    user_id = db.session.scalar(
        select(MemberProfile.user_id).where(MemberProfile.community_id == community.id).limit(1)
    )
    return db.session.get(User, user_id)


def test_offer_a_reward_then_verify_a_redemption_at_the_counter(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=积分商城")
    page.wait_for_url("**/console/rewards")
    page.click("#reward-new")
    page.fill("#name", "社区定制帆布袋")
    page.fill("#points", "0")
    page.fill("#stock", "20")
    page.click("#reward-form button[type=submit]")
    assert "所需积分应大于 0" in page.locator("#points-error").inner_text()
    assert page.input_value("#name") == "社区定制帆布袋"  # the input is kept
    screenshot(page, "49-mall-reward-form-refused")
    page.fill("#points", "30")
    page.fill("#per_person_limit", "2")
    page.click("#reward-form button[type=submit]")

    assert flash(page) == "已上架“社区定制帆布袋”"
    db.session.expire_all()
    reward = db.session.scalar(select(Reward).where(Reward.name == "社区定制帆布袋"))
    row = page.locator(f"#reward-{reward.id}")
    assert row.locator("[data-field=points]").inner_text() == "30"
    assert row.locator("[data-field=active]").inner_text() == "兑换中"
    assert no_sideways_scrolling(page)
    screenshot(page, "50-mall-rewards")

    member = demo_a_member()
    mall.give_points(member, 30)
    redeemed = mall.redeem(demo.test_client(), member, reward.id)
    assert redeemed.status_code == 201, redeemed.get_json()
    code = redeemed.get_json()["code"]

    page.click(".mainnav >> text=兑换核销")
    page.wait_for_url("**/console/redemptions")
    assert page.evaluate("document.activeElement.id") == "code"  # ready for the scanner
    page.keyboard.type(code.lower())
    page.keyboard.press("Enter")

    assert flash(page) == f"已核销：社区定制帆布袋（30 积分），兑换码 {code}"
    db.session.expire_all()
    redemption = db.session.scalar(select(Redemption).where(Redemption.code == code))
    assert redemption.status == "fulfilled"
    assert "已核销" in page.locator(f"#redemption-{redemption.id}").inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "51-mall-verified")

    page.fill("#code", code)
    page.keyboard.press("Enter")
    refused = flash(page, "error")
    assert refused.startswith(f"兑换码 {code} 已核销") and "不能核销" in refused
    screenshot(page, "52-mall-verified-twice")
