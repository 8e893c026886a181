"""The order page in a real browser: approve, reject with a reason, dispatch to the top
candidate, publish and recall, follow-up, close, and a refusal shown as a flash."""

from __future__ import annotations

from sqlalchemy import select, update

from app.accounts.models import User
from app.extensions import db
from app.orders.models import FollowUp, Order
from app.orders.models import OrderStatus as S
from tests.helpers.browser import (
    APPROVED,
    COMPLETED,
    RATED,
    SUBMITTED,
    demo_order,
    flash,
    no_sideways_scrolling,
    open_order,
    screenshot,
    sign_in,
    status_label,
)


def test_order_page_shows_the_whole_story(page, demo):
    sign_in(page, "demo-a-staff")
    open_order(page, RATED)
    assert status_label(page) == "已评价"
    timeline = page.locator("#timeline").inner_text()
    assert "提交工单" in timeline and "派给党员 李建华" in timeline
    assert "王晓燕（社区工作人员）" in timeline and "李建华（党员）" in timeline
    assert "13807910002" in page.locator("#request").inner_text()
    assert "李建华" in page.locator("#assigned-member").inner_text()
    assert "13970010001" in page.locator("#assigned-member").inner_text()
    assert "5 星" in page.locator("#rating").inner_text()
    assert (
        page.locator("a.map-link")
        .get_attribute("href")
        .startswith("https://uri.amap.com/search?keyword=")
    )
    assert no_sideways_scrolling(page)
    screenshot(page, "20-order-detail")
    page.set_viewport_size({"width": 768, "height": 1024})
    assert no_sideways_scrolling(page)
    screenshot(page, "20-order-detail-tablet")


def test_approve(page, demo):
    sign_in(page, "demo-a-staff")
    order = open_order(page, SUBMITTED)
    assert status_label(page) == "待审核"
    page.click("#approve-button")
    assert flash(page) == "已审核通过，工单待派单"
    assert status_label(page) == "待派单"
    assert demo_order(SUBMITTED).status == S.APPROVED
    assert "审核通过" in page.locator("#timeline").inner_text()
    assert order.id == demo_order(SUBMITTED).id


def test_a_move_someone_else_made_first_is_a_flash(page, demo):
    sign_in(page, "demo-a-staff")
    order = open_order(page, SUBMITTED)
    db.session.execute(update(Order).where(Order.id == order.id).values(status=S.REJECTED))
    db.session.commit()  # another staff member rejected it meanwhile
    page.click("#approve-button")
    assert flash(page, "error") == "无法审核通过：工单当前为「已驳回」，不能进行此操作。"
    assert status_label(page) == "已驳回"
    assert demo_order(SUBMITTED).status == S.REJECTED


def test_reject_with_a_common_reason(page, demo):
    sign_in(page, "demo-a-staff")
    open_order(page, APPROVED)
    page.click("#reject summary")
    page.check("input[name=preset][value='重复提交']")
    page.fill("#reject-reason", "与昨天的工单相同")
    page.click("#reject-form button[type=submit]")
    assert flash(page) == "已驳回，居民会看到驳回原因"
    assert status_label(page) == "已驳回"
    assert demo_order(APPROVED).reject_reason == "重复提交：与昨天的工单相同"


def test_reject_without_a_reason_is_explained_next_to_the_field(page, demo):
    sign_in(page, "demo-a-staff")
    open_order(page, SUBMITTED)
    page.click("#reject summary")
    page.check("input[name=preset][value='其他']")
    page.click("#reject-form button[type=submit]")
    assert page.locator("#reject-form .field-error").inner_text() == "请选择或填写驳回原因"
    assert page.is_checked("input[name=preset][value='其他']")
    assert demo_order(SUBMITTED).status == S.SUBMITTED


def test_dispatch_to_the_top_candidate(page, demo):
    sign_in(page, "demo-a-staff")
    open_order(page, APPROVED)  # 代买药品: 吴晓明 has the skill 代买代办 and lives in the building
    top = page.locator("#dispatch-form label.candidate").first
    text = top.inner_text()
    assert "吴晓明" in text and "最推荐" in text
    assert "特长对口：代买代办" in text and "住在同一楼栋" in text
    screenshot(page, "21-dispatch")
    top.locator("input[type=radio]").check()
    page.click("#dispatch-form button[type=submit]")
    assert flash(page) == "已派单，等待党员接单"
    assert status_label(page) == "已派单"
    assert "吴晓明" in page.locator("#assigned-member").inner_text()
    member = db.session.scalar(select(User).where(User.display_name == "吴晓明"))
    order = demo_order(APPROVED)
    assert (order.status, order.member_id) == (S.DISPATCHED, member.id)


def test_publish_then_recall(page, demo):
    sign_in(page, "demo-a-staff")
    open_order(page, APPROVED)
    page.click("#publish-button")
    assert flash(page) == "已发布到抢单池，等待党员抢单"
    assert status_label(page) == "待抢单"
    assert demo_order(APPROVED).status == S.PUBLISHED
    page.click("#recall-button")
    assert flash(page) == "已从抢单池撤回，工单回到待派单"
    assert status_label(page) == "待派单"
    assert demo_order(APPROVED).status == S.APPROVED


def test_follow_up(page, demo):
    sign_in(page, "demo-a-staff")
    order = open_order(page, COMPLETED)
    page.check("input[name=reached][value='1']")
    page.check("input[name=satisfied][value='1']")
    page.fill("#follow-up-note", "居民说押金已经退回\n很感谢")
    page.click("#follow-up-form button[type=submit]")
    assert flash(page) == "回访已记录"
    assert "已联系，居民满意" in page.locator("#follow-ups").inner_text()
    assert status_label(page) == "已完成"
    follow_up = db.session.scalar(select(FollowUp).where(FollowUp.order_id == order.id))
    assert (follow_up.reached, follow_up.satisfied, follow_up.note) == (
        True,
        True,
        "居民说押金已经退回\n很感谢",
    )


def test_close(page, demo):
    sign_in(page, "demo-a-staff")
    open_order(page, RATED)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#close-button")
    assert flash(page) == "工单已办结"
    assert status_label(page) == "已办结"
    assert page.locator("#close-button").count() == 0
    assert demo_order(RATED).status == S.CLOSED


def test_another_communitys_staff_is_refused(page, demo):
    sign_in(page, "demo-b-staff")
    order = open_order(page, SUBMITTED)
    assert "找不到" in page.locator("main").inner_text()
    assert "13807910001" not in page.content()
    assert demo_order(SUBMITTED).status == S.SUBMITTED and order is not None
