"""The worker's activity jobs, run as the worker runs them: the reminder before the start
(`activity_reminder`, sent through wechatpy to the fake WeChat server, each person once),
the waitlist's message, and the no-shows after the end."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.wechat import build_backend
from app.worker import tasks
from app.worker.queue import queue
from tests.helpers.activities import activity_body, check_in, published, signed_up, status_of
from tests.helpers.api import get_json, post
from tests.helpers.apps import wechat_overrides
from tests.helpers.worker import drain
from tests.notifications.test_order_messages import assert_valid_data

TEMPLATES = {"activity_reminder": "TPL-ACTIVITY", "activity_promoted": "TPL-PROMOTED"}


@pytest.fixture
def wechat(app, fake_wechat, monkeypatch):
    queue.flush()
    monkeypatch.setitem(app.config, "WECHAT_TEMPLATE_IDS", TEMPLATES)
    monkeypatch.setitem(
        app.extensions, "wechat", build_backend(wechat_overrides(fake_wechat), None)
    )
    yield fake_wechat
    queue.flush()


def test_those_signed_up_are_reminded_once_before_the_start(
    client, world, activity, wechat, frozen_clock
):
    resident = world.a.resident
    grant = {"template_ids": ["TPL-ACTIVITY"]}
    assert post(client, resident, "/me/subscriptions", grant).status_code == 200
    signed_up(client, resident, activity["id"])
    signed_up(client, world.a.member, activity["id"])
    post(client, world.a.member, f"/activities/{activity['id']}/signup/cancel")
    assert tasks.remind_activities.call_local() == 0  # a day before: not yet
    frozen_clock.shift(timedelta(days=1, hours=2))  # Friday 12:00, two hours before
    assert tasks.remind_activities.call_local() == 1
    assert tasks.remind_activities.call_local() == 0  # once
    drain()
    (sent,) = wechat.delivered
    assert (sent["touser"], sent["template_id"]) == (resident.openid, "TPL-ACTIVITY")
    assert sent["data"]["time2"]["value"] == "2026年11月27日 14:00"
    assert sent["data"]["thing3"]["value"] == "百花洲社区广场"
    assert_valid_data(sent["data"])
    titles = [m["title"] for m in get_json(client, resident, "/my/messages")["items"]]
    assert titles == ["活动即将开始"]
    member_inbox = get_json(client, world.a.member, "/my/messages")["items"]
    assert [m["title"] for m in member_inbox] == ["新活动：邻里节·百家宴"]  # no reminder


def test_the_first_waiting_is_told_through_the_worker(client, world, wechat, frozen_clock):
    made = published(client, world.a.staff, activity_body(world.a.community, capacity=1))
    grant = {"template_ids": ["TPL-PROMOTED"]}
    assert post(client, world.b.member, "/me/subscriptions", grant).status_code == 200
    signed_up(client, world.a.resident, made["id"])
    signed_up(client, world.b.member, made["id"], {"waitlist": True})
    post(client, world.a.resident, f"/activities/{made['id']}/signup/cancel")
    assert wechat.delivered == []
    drain()
    (sent,) = wechat.delivered
    assert (sent["touser"], sent["template_id"]) == (world.b.member.openid, "TPL-PROMOTED")
    assert sent["page"] == f"pages/activities/detail?id={made['id']}"


def test_no_shows_are_marked_after_the_end(client, world, activity, frozen_clock):
    signed_up(client, world.a.resident, activity["id"])
    signed_up(client, world.a.member, activity["id"])
    frozen_clock.shift(timedelta(days=1, hours=4))  # the start
    check_in(client, world.a.member, activity["id"], {"code": activity["checkin_code"]})
    assert tasks.mark_activity_no_shows.call_local() == 0
    frozen_clock.shift(timedelta(hours=2))  # the end
    assert tasks.mark_activity_no_shows.call_local() == 1
    assert tasks.mark_activity_no_shows.call_local() == 0  # once
    assert status_of(activity["id"], world.a.resident.id) == "no_show"
    assert status_of(activity["id"], world.a.member.id) == "checked_in"
