"""The decision on a booking (`booking_decided`) reaches its booker: an inbox message, and
a subscribe message sent by the worker through wechatpy to the fake WeChat server after
the commit, with data that keeps WeChat's limits."""

from __future__ import annotations

import pytest

from app.wechat import build_backend
from app.worker.queue import queue
from tests.helpers.api import get_json, post
from tests.helpers.apps import wechat_overrides
from tests.helpers.bookings import booked, move, slot
from tests.helpers.worker import drain
from tests.notifications.test_order_messages import assert_valid_data

TEMPLATES = {"booking_decided": "TPL-BOOKING"}


@pytest.fixture
def wechat(app, fake_wechat, monkeypatch):
    queue.flush()
    monkeypatch.setitem(app.config, "WECHAT_TEMPLATE_IDS", TEMPLATES)
    monkeypatch.setitem(
        app.extensions, "wechat", build_backend(wechat_overrides(fake_wechat), None)
    )
    yield fake_wechat
    queue.flush()


def test_approval_and_rejection_are_sent_by_the_worker(client, world, rooms, wechat):
    resident = world.a.resident
    grant = {"template_ids": ["TPL-BOOKING", "TPL-BOOKING"]}
    assert post(client, resident, "/me/subscriptions", grant).status_code == 200
    first = booked(client, resident, rooms.a.id, slot("14:00", "16:00"))
    second = booked(client, resident, rooms.a.id, slot("09:00", "10:00"))
    assert move(client, world.a.staff, f"/staff/bookings/{first['id']}/approve").status_code == 200
    reason = {"reason": "当天上午社区开展消防安全演练活动，请您改约到下午时段"}
    assert (
        move(client, world.a.staff, f"/staff/bookings/{second['id']}/reject", reason).status_code
        == 200
    )
    assert wechat.delivered == []  # the requests only wrote the outbox
    drain()

    approved, rejected = wechat.delivered
    assert (approved["touser"], approved["template_id"]) == (resident.openid, "TPL-BOOKING")
    assert approved["page"] == f"pages/bookings/detail?id={first['id']}"
    assert approved["data"]["phrase3"]["value"] == "已通过"
    assert approved["data"]["time2"]["value"] == "2026年11月27日 14:00"
    assert rejected["data"]["phrase3"]["value"] == "未通过"
    assert rejected["data"]["thing4"]["value"].endswith("…")  # the long reason, cut to fit
    for sent in wechat.delivered:
        assert_valid_data(sent["data"])
    titles = [m["title"] for m in get_json(client, resident, "/my/messages")["items"]]
    assert titles == ["场地预约未通过", "场地预约已通过"]
    assert drain() == [] and len(wechat.delivered) == 2  # once
