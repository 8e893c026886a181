"""Each event of the order loop: one inbox message to the right user and, with a template
and quota, exactly one subscribe message through wechatpy to the right openid, with data
that keeps WeChat's limits, sent only after the commit by the worker's task."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.extensions import db
from app.notifications.models import Delivery, SubscriptionQuota
from app.orders.models import OrderStatus
from tests.helpers.api import get_json, post
from tests.helpers.orders import seeded_order
from tests.helpers.worker import drain

LIMITS = {"thing": 20, "character_string": 32, "phrase": 5}


def subscribe(client, user, *template_ids):
    response = post(client, user, "/me/subscriptions", {"template_ids": list(template_ids)})
    assert response.status_code == 200


def dispatch(client, world, order) -> None:
    response = post(
        client,
        world.a.staff,
        f"/staff/orders/{order.id}/dispatch",
        {"member_id": world.a.member.id},
    )
    assert response.status_code == 200, response.get_json()


def assert_valid_data(data: dict) -> None:
    for key, value in data.items():
        kind = re.match(r"[a-z_]+?(?=\d)", key).group(0)
        text = value["value"]
        if kind == "time":
            assert re.fullmatch(r"\d{4}年\d\d月\d\d日 \d\d:\d\d", text), text
        else:
            assert 1 <= len(text) <= LIMITS[kind], (key, text)
        if kind == "phrase":
            assert re.fullmatch(r"[\u4e00-\u9fff]+", text)


def test_a_dispatch_sends_one_message_to_the_member_after_the_commit(client, world, wechat):
    subscribe(client, world.a.member, "TPL-DISPATCHED")
    order = seeded_order(world.a, world.item, OrderStatus.APPROVED)
    order.address = "东湖区百花洲路1号2栋301室（进门左转第三户，门口有一盆很大的君子兰）"
    db.session.commit()

    dispatch(client, world, order)
    assert wechat.delivered == []  # the request only wrote the outbox
    drain()

    (sent,) = wechat.delivered
    assert sent["touser"] == world.a.member.openid
    assert sent["template_id"] == "TPL-DISPATCHED"
    assert sent["page"] == f"pages/orders/detail?id={order.id}"
    assert sent["miniprogram_state"] == "formal" and sent["lang"] == "zh_CN"
    assert_valid_data(sent["data"])
    assert sent["data"]["thing4"]["value"].endswith("…")  # the long address, cut to fit
    assert sent["data"]["character_string5"]["value"] == str(order.id)
    inbox = get_json(client, world.a.member, "/my/messages")["items"]
    assert [m["title"] for m in inbox] == ["您有新的派单"]
    assert inbox[0]["read"] is False
    assert drain() == []  # nothing left to send: once
    assert len(wechat.delivered) == 1


def test_the_resident_hears_of_the_grab_the_rejection_and_the_completion(client, world, wechat):
    resident, member = world.a.resident, world.a.member
    subscribe(client, resident, "TPL-ACCEPTED", "TPL-COMPLETED", "TPL-REJECTED")
    order = seeded_order(world.a, world.item, OrderStatus.PUBLISHED)
    assert post(client, member, f"/member/orders/{order.id}/grab").status_code == 200
    assert post(client, member, f"/member/orders/{order.id}/complete", {}).status_code == 200
    refused = seeded_order(world.a, world.item, OrderStatus.SUBMITTED)
    reason = {"reason": "不属于本社区服务范围"}
    assert post(client, world.a.staff, f"/staff/orders/{refused.id}/reject", reason).status_code
    drain()

    sent = [(m["touser"], m["template_id"]) for m in wechat.delivered]
    assert sent == [
        (resident.openid, "TPL-ACCEPTED"),
        (resident.openid, "TPL-COMPLETED"),
        (resident.openid, "TPL-REJECTED"),
    ]
    assert wechat.delivered[2]["data"]["thing4"]["value"] == "不属于本社区服务范围"
    titles = [m["title"] for m in get_json(client, resident, "/my/messages")["items"]]
    assert titles == ["点单未通过审核", "服务已完成", "已有党员接单"]  # newest first


def test_without_quota_nothing_is_sent_but_the_inbox_has_it(client, world, wechat):
    order = seeded_order(world.a, world.item, OrderStatus.APPROVED)
    dispatch(client, world, order)
    drain()
    assert wechat.delivered == []
    assert wechat.calls["/cgi-bin/message/subscribe/send"] == 0
    assert db.session.scalar(select(Delivery.status)) == "no_quota"
    assert len(get_json(client, world.a.member, "/my/messages")["items"]) == 1


def test_each_send_uses_one_of_the_quota(client, world, wechat):
    subscribe(client, world.a.member, "TPL-DISPATCHED")
    first, second = (seeded_order(world.a, world.item, OrderStatus.APPROVED) for _ in range(2))
    dispatch(client, world, first)
    dispatch(client, world, second)
    drain()
    assert len(wechat.delivered) == 1
    quota = get_json(client, world.a.member, "/me/subscriptions")["quota"]
    assert quota == {"TPL-DISPATCHED": 0}
    statuses = db.session.scalars(select(Delivery.status).order_by(Delivery.id)).all()
    assert statuses == ["sent", "no_quota"]


def test_an_event_without_a_template_sends_nothing(client, world, wechat, monkeypatch, app):
    monkeypatch.setitem(app.config, "WECHAT_TEMPLATE_IDS", {})
    order = seeded_order(world.a, world.item, OrderStatus.APPROVED)
    dispatch(client, world, order)
    assert db.session.scalar(select(Delivery.id)) is None
    assert drain() == []
    assert len(get_json(client, world.a.member, "/my/messages")["items"]) == 1


def test_a_refused_move_tells_nobody(client, world, wechat):
    subscribe(client, world.a.member, "TPL-DISPATCHED")
    order = seeded_order(world.a, world.item, OrderStatus.SUBMITTED)  # not yet approved: 409
    response = post(
        client,
        world.a.staff,
        f"/staff/orders/{order.id}/dispatch",
        {"member_id": world.a.member.id},
    )
    assert response.status_code == 409
    assert drain() == []
    assert get_json(client, world.a.member, "/my/messages")["items"] == []
    assert db.session.scalar(select(SubscriptionQuota.remaining)) == 1


def test_in_demo_mode_nothing_leaves_the_server_and_the_send_is_logged(
    client, world, templates, fake_wechat, caplog
):
    subscribe(client, world.a.member, "TPL-DISPATCHED")
    order = seeded_order(world.a, world.item, OrderStatus.APPROVED)
    dispatch(client, world, order)
    with caplog.at_level("INFO", logger="app.wechat.fake"):
        drain()
    assert db.session.scalar(select(Delivery.status)) == "sent"
    assert "WECHAT_FAKE: subscribe message TPL-DISPATCHED" in caplog.text
    assert f"pages/orders/detail?id={order.id}" in caplog.text
    assert fake_wechat.requests == []
