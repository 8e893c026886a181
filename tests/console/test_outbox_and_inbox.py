"""消息发送 and 我的消息 in the console: the community's deliveries by status, retrying a
dead one (404 from another community), the demo-mode note; the staff user's own inbox with
mark-as-read and the unread count in the navigation."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update

from app.extensions import db
from app.notifications.models import Delivery, DeliveryStatus, Message
from app.notifications.outbox import post as tell
from app.notifications.templates import Event
from app.worker.queue import queue
from tests.helpers import factories
from tests.helpers.api import post
from tests.helpers.console import (
    assert_page_error,
    flashes,
    page_html,
    page_text,
    post_form,
    sign_in,
)
from tests.helpers.db import fresh
from tests.helpers.worker import TEMPLATES

OUTBOX = "/console/outbox"
INBOX = "/console/messages"


@pytest.fixture(autouse=True)
def templates(app, monkeypatch):
    monkeypatch.setitem(app.config, "WECHAT_TEMPLATE_IDS", TEMPLATES)
    queue.flush()
    yield
    queue.flush()


def announce_in(client, side, title: str = "停水通知") -> None:
    body = {
        "title": title,
        "body": "明天停水。",
        "audience": "all",
        "community_id": side.community.id,
    }
    assert post(client, side.staff, "/staff/announcements", body).status_code == 201


def dead_delivery(side) -> Delivery:
    """The delivery to the side's member, failed for good."""
    delivery = db.session.scalar(select(Delivery).where(Delivery.user_id == side.member.id))
    db.session.execute(
        update(Delivery)
        .where(Delivery.id == delivery.id)
        .values(status=DeliveryStatus.DEAD, attempts=5, last_error="errcode -1")
    )
    db.session.commit()
    return fresh(delivery)


def row_statuses(page: str) -> dict[int, str]:
    found = re.findall(r'data-delivery-id="(\d+)" data-status="(\w+)"', page)
    return {int(key): value for key, value in found}


def test_staff_see_their_communitys_deliveries_with_user_event_and_status(client, world):
    factories.order(world.a.community, world.a.resident, world.item)
    db.session.commit()
    announce_in(client, world.a)
    announce_in(client, world.b, "外社区通知")
    dead = dead_delivery(world.a)
    sign_in(client, world.a.staff)

    page = page_text(client.get(OUTBOX))

    assert len(row_statuses(page)) == 2 and row_statuses(page)[dead.id] == "dead"
    for shown in (
        "红喇叭",
        "停水通知",
        "发送失败",
        "待发送",
        "errcode -1",
        world.a.member.shown_name,
    ):
        assert shown in page
    assert "外社区通知" not in page
    assert page.count("重发</button>") == 1
    only_dead = page_html(client.get(f"{OUTBOX}?status=dead"))
    assert list(row_statuses(only_dead)) == [dead.id]
    assert_page_error(client.get(f"{OUTBOX}?status=lost"), 422, "提交的内容有误")


def test_retrying_a_dead_delivery_queues_it_again(client, world):
    announce_in(client, world.a)
    dead = dead_delivery(world.a)
    sign_in(client, world.a.staff)
    queue.flush()  # the announcement's own hand-off

    response = post_form(client, f"{OUTBOX}/{dead.id}/retry?status=dead", follow=True)

    assert flashes(response) == [f"消息 #{dead.id} 已重新排队发送"]
    again = fresh(dead)
    assert (again.status, again.attempts, again.last_error) == ("pending", 0, None)
    assert queue.pending_count() == 1  # handed to the worker after the commit
    twice = post_form(client, f"{OUTBOX}/{dead.id}/retry", follow=True)
    assert flashes(twice) == ["只有发送失败的消息可以重发"]


def test_staff_of_another_community_cannot_see_or_retry_its_deliveries(client, world):
    announce_in(client, world.a)
    dead = dead_delivery(world.a)
    sign_in(client, world.b.staff)

    assert row_statuses(page_html(client.get(OUTBOX))) == {}
    assert_page_error(post_form(client, f"{OUTBOX}/{dead.id}/retry"), 404, "找不到该内容")
    assert fresh(dead).status == "dead"
    assert_page_error(post_form(client, f"{OUTBOX}/99999/retry"), 404, "找不到该内容")


def test_the_demo_mode_note(client, world, app, monkeypatch):
    sign_in(client, world.a.staff)
    monkeypatch.setitem(app.config, "WECHAT_FAKE", True)
    assert "演示模式" in page_text(client.get(OUTBOX))
    monkeypatch.setitem(app.config, "WECHAT_FAKE", False)
    assert "演示模式" not in page_text(client.get(OUTBOX))


def tell_staff(user, key: str, title: str) -> None:
    tell([user.id], Event.ORDER_POOL_EXPIRED, key=key, title=title, body=f"{title}，请处理。")
    db.session.commit()


def unread_badge(page: str) -> int | None:
    found = re.search(r'我的消息\s*<span class="badge hot" title="未读消息">(\d+)</span>', page)
    return int(found.group(1)) if found else None


def test_the_staff_inbox_with_mark_as_read_and_the_unread_count(client, world):
    tell_staff(world.a.staff, "pool:1", "工单 #1 抢单超时")
    tell_staff(world.a.staff, "pool:2", "工单 #2 抢单超时")
    tell_staff(world.b.staff, "pool:3", "外社区的提醒")
    sign_in(client, world.a.staff)

    page = page_text(client.get(INBOX))
    assert page.index("工单 #2 抢单超时") < page.index("工单 #1 抢单超时")  # newest first
    assert "外社区的提醒" not in page and "抢单超时" in page
    assert unread_badge(page) == 2

    first = db.session.scalar(select(Message).where(Message.key == "pool:1"))
    response = post_form(client, f"{INBOX}/{first.id}/read", follow=True)
    assert fresh(first).read_at is not None
    assert unread_badge(page_text(response)) == 1
    tell_staff(world.a.staff, "pool:4", "工单 #4 抢单超时")
    assert unread_badge(page_text(client.get("/console/"))) == 2  # the kept count follows


def test_another_users_message_cannot_be_marked_read(client, world):
    tell_staff(world.b.staff, "pool:9", "外社区的提醒")
    other = db.session.scalar(select(Message).where(Message.key == "pool:9"))
    sign_in(client, world.a.staff)
    assert_page_error(post_form(client, f"{INBOX}/{other.id}/read"), 404, "找不到该内容")
    assert fresh(other).read_at is None
