"""An order nobody grabs within POOL_TIMEOUT_HOURS goes back to 待派单, with an event made by
the platform, and the community's staff are told; a grabbed order is left alone."""

from __future__ import annotations

from datetime import timedelta

from app.orders.models import OrderStatus
from tests.helpers.api import get_json, post
from tests.helpers.deadlines import actions, expire_pool, staff_move, timeline, titles
from tests.helpers.orders import create_order, stored_order

HOURS = timedelta(hours=24)


def published(client, world) -> int:
    order = create_order(client, world.a.resident, world.a.community, world.item)
    staff_move(client, world.a, order["id"], "approve")
    staff_move(client, world.a, order["id"], "publish")
    return order["id"]


def test_an_order_nobody_grabs_goes_back_to_staff(client, world, frozen_clock):
    order_id = published(client, world)
    assert stored_order(order_id).published_at == frozen_clock.now
    frozen_clock.shift(HOURS + timedelta(minutes=1))

    assert expire_pool() == 1

    order = get_json(client, world.a.staff, f"/orders/{order_id}")
    assert order["status"] == OrderStatus.APPROVED
    expired = order["timeline"][-1]
    assert expired["action"] == "expire" and expired["actor_id"] is None
    assert (expired["from_status"], expired["status"]) == ("published", "approved")
    assert stored_order(order_id).published_at is None
    assert titles(client, world.a.staff) == ["抢单超时，已退回待派单"]
    assert titles(client, world.b.staff) == []  # another community's staff hear nothing
    assert order_id not in [
        o["id"] for o in get_json(client, world.a.member, "/member/pool")["items"]
    ]


def test_before_the_timeout_nothing_happens(client, world, frozen_clock):
    order_id = published(client, world)
    frozen_clock.shift(timedelta(hours=23))
    assert expire_pool() == 0
    assert stored_order(order_id).status == OrderStatus.PUBLISHED
    assert titles(client, world.a.staff) == []


def test_the_timeout_is_a_setting(client, world, frozen_clock, app, monkeypatch):
    monkeypatch.setitem(app.config, "POOL_TIMEOUT_HOURS", 2)
    order_id = published(client, world)
    frozen_clock.shift(timedelta(hours=2, minutes=1))
    assert expire_pool() == 1
    assert stored_order(order_id).status == OrderStatus.APPROVED


def test_a_grabbed_order_is_not_touched(client, world, frozen_clock):
    order_id = published(client, world)
    assert post(client, world.a.member, f"/member/orders/{order_id}/grab").status_code == 200
    frozen_clock.shift(HOURS + timedelta(minutes=1))
    assert expire_pool() == 0
    assert stored_order(order_id).status == OrderStatus.ACCEPTED
    assert "expire" not in actions(client, world.a.staff, order_id)


def test_running_the_job_twice_changes_nothing_more(client, world, frozen_clock):
    order_id = published(client, world)
    frozen_clock.shift(HOURS + timedelta(minutes=1))
    assert expire_pool() == 1
    before = timeline(client, world.a.staff, order_id)
    assert expire_pool() == 0
    assert timeline(client, world.a.staff, order_id) == before
    assert titles(client, world.a.staff) == ["抢单超时，已退回待派单"]


def test_a_recalled_and_republished_order_counts_from_its_new_publish(client, world, frozen_clock):
    order_id = published(client, world)
    frozen_clock.shift(timedelta(hours=20))
    staff_move(client, world.a, order_id, "recall")
    assert stored_order(order_id).published_at is None
    staff_move(client, world.a, order_id, "publish")
    frozen_clock.shift(timedelta(hours=5))  # 25 h after the first publish, 5 after this one
    assert expire_pool() == 0
    frozen_clock.shift(timedelta(hours=19, minutes=1))
    assert expire_pool() == 1


def test_an_expired_order_published_again_can_expire_again(client, world, frozen_clock):
    order_id = published(client, world)
    frozen_clock.shift(HOURS + timedelta(minutes=1))
    expire_pool()
    staff_move(client, world.a, order_id, "publish")
    frozen_clock.shift(HOURS + timedelta(minutes=1))
    assert expire_pool() == 1
    assert actions(client, world.a.staff, order_id).count("expire") == 2
    assert titles(client, world.a.staff) == ["抢单超时，已退回待派单"] * 2  # one per expiry
