"""When WeChat refuses or fails: 43101 drops the quota and is not retried; a WeChat that is
down is retried with back-off and the message goes out once when it is up again; a send that
fails for good is dead until staff retry it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.extensions import db
from app.notifications.models import Delivery
from app.orders.models import OrderStatus
from tests.helpers.api import get_json
from tests.helpers.fake_wechat import REFUSING_OPENID
from tests.helpers.orders import seeded_order
from tests.helpers.worker import drain, sweep
from tests.notifications.test_order_messages import dispatch, subscribe


def delivery() -> Delivery:
    db.session.expire_all()
    return db.session.scalars(select(Delivery)).one()


def test_43101_sets_the_quota_to_0_and_is_not_retried(client, world, wechat, frozen_clock):
    world.a.member.openid = REFUSING_OPENID
    db.session.commit()
    subscribe(client, world.a.member, "TPL-DISPATCHED", "TPL-DISPATCHED")
    dispatch(client, world, seeded_order(world.a, world.item, OrderStatus.APPROVED))
    drain()
    assert delivery().status == "refused"
    assert get_json(client, world.a.member, "/me/subscriptions")["quota"] == {"TPL-DISPATCHED": 0}
    frozen_clock.shift(timedelta(hours=2))
    assert sweep() == 0
    assert wechat.calls["/cgi-bin/message/subscribe/send"] == 1


def test_wechat_down_then_up_retries_with_back_off_and_sends_once(
    client, world, wechat, frozen_clock
):
    subscribe(client, world.a.member, "TPL-DISPATCHED")
    dispatch(client, world, seeded_order(world.a, world.item, OrderStatus.APPROVED))
    wechat.send_failure = "down"
    drain()
    first = delivery()
    assert (first.status, first.attempts) == ("pending", 1)
    assert first.next_attempt_at == frozen_clock.now + timedelta(seconds=30)
    # The quota is given back while the send waits.
    assert get_json(client, world.a.member, "/me/subscriptions")["quota"] == {"TPL-DISPATCHED": 1}

    assert sweep() == 0  # not due yet
    frozen_clock.shift(timedelta(seconds=31))
    sweep()
    assert delivery().next_attempt_at == frozen_clock.now + timedelta(seconds=60)  # doubled

    wechat.send_failure = None
    frozen_clock.shift(timedelta(seconds=61))
    sweep()
    assert (delivery().status, delivery().attempts) == ("sent", 3)
    assert len(wechat.delivered) == 1
    frozen_clock.shift(timedelta(hours=1))
    assert sweep() == 0
    assert len(wechat.delivered) == 1
    assert get_json(client, world.a.member, "/me/subscriptions")["quota"] == {"TPL-DISPATCHED": 0}


def test_busy_errcode_is_retried_and_a_bad_template_is_dead_at_once(
    client, world, wechat, frozen_clock
):
    subscribe(client, world.a.member, "TPL-DISPATCHED")
    dispatch(client, world, seeded_order(world.a, world.item, OrderStatus.APPROVED))
    wechat.send_failure = -1
    drain()
    assert delivery().status == "pending"
    wechat.send_failure = 40037  # invalid template id: trying again cannot help
    frozen_clock.shift(timedelta(seconds=31))
    sweep()
    dead = delivery()
    assert (dead.status, dead.last_error) == ("dead", "errcode 40037")
    assert get_json(client, world.a.member, "/me/subscriptions")["quota"] == {"TPL-DISPATCHED": 1}


def test_after_too_many_attempts_the_delivery_is_dead(
    client, world, wechat, frozen_clock, app, monkeypatch
):
    monkeypatch.setitem(app.config, "OUTBOX_MAX_ATTEMPTS", 3)
    subscribe(client, world.a.member, "TPL-DISPATCHED")
    dispatch(client, world, seeded_order(world.a, world.item, OrderStatus.APPROVED))
    wechat.send_failure = "down"
    drain()
    for _ in range(3):
        frozen_clock.shift(timedelta(minutes=10))
        sweep()
    assert (delivery().status, delivery().attempts) == ("dead", 3)
    assert wechat.calls["/cgi-bin/message/subscribe/send"] == 3


def test_a_user_without_wechat_gets_the_inbox_message_only(client, world, wechat):
    world.a.member.openid = None
    db.session.commit()
    dispatch(client, world, seeded_order(world.a, world.item, OrderStatus.APPROVED))
    drain()
    assert delivery().status == "no_openid"
    assert wechat.calls["/cgi-bin/message/subscribe/send"] == 0


def test_a_lost_hand_off_is_found_by_the_sweep(client, world, wechat):
    """The commit happened and the queue never heard of it (the process died at once)."""
    from app.worker.queue import queue

    subscribe(client, world.a.member, "TPL-DISPATCHED")
    dispatch(client, world, seeded_order(world.a, world.item, OrderStatus.APPROVED))
    queue.flush()
    assert delivery().status == "pending"
    assert sweep() == 1
    assert len(wechat.delivered) == 1
