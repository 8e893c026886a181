"""The member is reminded REMIND_BEFORE_HOURS before the completion deadline, once: an
inbox message and, with a template and quota, one subscribe message that opens the order."""

from __future__ import annotations

from datetime import timedelta

from app.extensions import db
from tests.helpers.api import post
from tests.helpers.deadlines import member_move, remind, taken, titles
from tests.helpers.orders import create_order
from tests.helpers.worker import drain


def accepted_order(client, world, completion_hours=6) -> int:
    world.item.response_hours, world.item.completion_hours = 2, completion_hours
    db.session.commit()
    order_id = create_order(client, world.a.resident, world.a.community, world.item)["id"]
    taken(client, world.a, order_id)
    return order_id


def test_the_member_is_reminded_once_before_the_deadline(client, world, frozen_clock, wechat):
    subscribe = {"template_ids": ["TPL-DUE-SOON"]}
    assert post(client, world.a.member, "/me/subscriptions", subscribe).status_code == 200
    order_id = accepted_order(client, world)
    frozen_clock.shift(timedelta(hours=3, minutes=59))  # due in 2 h 1 min
    assert remind() == 0

    frozen_clock.shift(timedelta(minutes=2))
    assert remind() == 1
    assert remind() == 0
    drain()

    assert titles(client, world.a.member) == ["服务即将到期", "您有新的派单"]
    (sent,) = wechat.delivered  # the dispatch had no quota of its template
    assert sent["touser"] == world.a.member.openid
    assert sent["template_id"] == "TPL-DUE-SOON"
    assert sent["page"] == f"pages/orders/detail?id={order_id}"
    assert sent["data"]["character_string5"]["value"] == str(order_id)
    assert sent["data"]["time3"]["value"] == "2026年11月26日 16:00"  # the deadline, Beijing
    frozen_clock.shift(timedelta(hours=1))
    assert remind() == 0
    assert titles(client, world.a.member).count("服务即将到期") == 1
    assert titles(client, world.a.resident) == ["已有党员接单"]


def test_no_reminder_for_a_finished_or_late_order(client, world, frozen_clock):
    done = accepted_order(client, world)
    member_move(client, world.a, done, "complete")
    accepted_order(client, world, completion_hours=1)
    frozen_clock.shift(timedelta(hours=5))  # the first would be due soon; the second is late
    assert remind() == 0
    assert "服务即将到期" not in titles(client, world.a.member)


def test_the_window_is_a_setting(client, world, frozen_clock, app, monkeypatch):
    monkeypatch.setitem(app.config, "REMIND_BEFORE_HOURS", 5)
    accepted_order(client, world)
    frozen_clock.shift(timedelta(hours=1, minutes=1))
    assert remind() == 1
