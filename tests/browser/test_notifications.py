"""红喇叭 and 消息发送 in a real browser: writing an announcement and seeing its reach, and
retrying a dead subscribe message."""

from __future__ import annotations

from sqlalchemy import select, update

from app.accounts.models import User
from app.extensions import db
from app.members.models import MemberProfile
from app.notifications.models import Announcement, Delivery, DeliveryStatus, Message
from app.notifications.outbox import post
from app.notifications.templates import Event
from app.org.models import Community
from app.worker.queue import queue
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in
from tests.helpers.worker import TEMPLATES


def test_write_an_announcement_and_see_its_reach(page, demo):
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=红喇叭")
    page.wait_for_url("**/console/announcements")
    page.fill("#title", "周六上午义诊活动通知，欢迎居民朋友们前来参加")  # over 20: cut by maxlength
    assert page.input_value("#title") == "周六上午义诊活动通知，欢迎居民朋友们前来"
    page.fill("#title", "周六义诊")
    page.select_option("#audience", label="全体")
    page.fill("#body", "本周六上午9点在社区党群服务中心义诊，免费测血压、血糖。\n请带好医保卡。")
    page.click("#announce-form button[type=submit]")

    assert "已发布“周六义诊”" in flash(page)
    db.session.expire_all()
    announcement = db.session.scalar(select(Announcement).where(Announcement.title == "周六义诊"))
    assert announcement.recipients > 0
    row = page.locator(f"#announcement-{announcement.id}")
    assert row.locator("[data-reach=recipients]").inner_text() == str(announcement.recipients)
    assert row.locator("[data-reach=read]").inner_text() == "0"

    first = db.session.scalar(select(Message).where(Message.announcement_id == announcement.id))
    db.session.execute(
        update(Message).where(Message.id == first.id).values(read_at=first.created_at)
    )
    db.session.commit()
    page.reload()
    assert row.locator("[data-reach=read]").inner_text() == "1"
    assert no_sideways_scrolling(page)
    screenshot(page, "40-announcements")


def dead_delivery_to_a_member(app) -> Delivery:
    """A subscribe message to a demo-a member that failed for good."""
    community = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    member_id = db.session.scalar(
        select(MemberProfile.user_id).where(MemberProfile.community_id == community.id).limit(1)
    )
    app.config["WECHAT_TEMPLATE_IDS"] = TEMPLATES
    try:
        post(
            [member_id],
            Event.ANNOUNCEMENT,
            key="browser:dead",
            title="停水通知",
            body="明天停水。",
            community_id=community.id,
            fields={"thing1": "停水通知"},
        )
        db.session.commit()
    finally:
        app.config["WECHAT_TEMPLATE_IDS"] = {}
    delivery = db.session.scalar(select(Delivery).where(Delivery.user_id == member_id))
    db.session.execute(
        update(Delivery)
        .where(Delivery.id == delivery.id)
        .values(status=DeliveryStatus.DEAD, attempts=5, last_error="errcode -1")
    )
    db.session.commit()
    return delivery


def test_retry_a_dead_delivery(page, demo, monkeypatch):
    monkeypatch.setitem(demo.config, "WECHAT_FAKE", True)
    delivery = dead_delivery_to_a_member(demo)
    queue.flush()
    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=消息发送")
    page.wait_for_url("**/console/outbox")
    assert "演示模式" in page.locator("#demo-note").inner_text()
    page.click(".tabs >> text=发送失败")
    row = page.locator(f"#delivery-{delivery.id}")
    assert "errcode -1" in row.inner_text() and "红喇叭" in row.inner_text()
    assert no_sideways_scrolling(page)
    screenshot(page, "41-outbox-dead")

    row.locator("button", has_text="重发").click()

    assert f"消息 #{delivery.id} 已重新排队发送" in flash(page)
    assert page.locator(f"#delivery-{delivery.id}").count() == 0  # no longer among the dead
    db.session.expire_all()
    again = db.session.get(Delivery, delivery.id)
    assert (again.status, again.attempts) == (DeliveryStatus.PENDING, 0)
    page.click(".tabs >> text=待发送")
    assert "待发送" in page.locator(f"#delivery-{delivery.id}").inner_text()
    screenshot(page, "42-outbox-retried")
    queue.flush()


def test_the_staff_inbox_marks_a_message_read(page, demo):
    staff = db.session.scalar(select(User).where(User.username == "demo-a-staff"))
    post(
        [staff.id],
        Event.ORDER_POOL_EXPIRED,
        key="browser:pool",
        title="工单抢单超时",
        body="无人抢单，已退回待派单。",
    )
    db.session.commit()
    sign_in(page, "demo-a-staff")
    assert page.locator(".mainnav .badge").inner_text() == "1"
    page.click(".mainnav >> text=我的消息")
    page.locator(".message", has_text="工单抢单超时").locator("button", has_text="标为已读").click()
    assert page.locator(".mainnav .badge").count() == 0
    assert "已读" in page.locator(".message", has_text="工单抢单超时").inner_text()
    screenshot(page, "43-inbox")
