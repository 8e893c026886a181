"""The real worker, `flask --app wsgi worker`, as separate processes on PostgreSQL: two at
once send each message once, and one killed in the middle of a send leaves nothing behind
that the next worker does not send. The queue is a SQLite file every process shares (with
REDIS_URL it would be Redis; the claims in the database are what make it once)."""

from __future__ import annotations

import json
import os
import time

import pytest
from huey.storage import SqliteStorage
from sqlalchemy import func, select

from app.extensions import db
from app.notifications.models import Delivery
from app.orders.models import OrderStatus
from app.worker.queue import queue
from tests.helpers.fake_wechat import APPID, SECRET
from tests.helpers.orders import seeded_order
from tests.helpers.worker import TEMPLATES, worker_process
from tests.notifications.test_order_messages import dispatch, subscribe

pytestmark = pytest.mark.postgresql
LEASE_SECONDS = 2


@pytest.fixture
def shared_queue(tmp_path, monkeypatch):
    """This process hands off to the file the workers read."""
    path = tmp_path / "queue.db"
    monkeypatch.setattr(queue, "storage", SqliteStorage(queue.name, filename=str(path)))
    return path


@pytest.fixture
def worker_env(app, wechat, shared_queue) -> dict:
    return {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "REDIS_URL": "",
        "QUEUE_STORAGE": "sqlite",
        "QUEUE_SQLITE_PATH": str(shared_queue),
        "WECHAT_FAKE": "0",
        "WECHAT_API_BASE": wechat.url,
        "WECHAT_APPID": APPID,
        "WECHAT_SECRET": SECRET,
        "WECHAT_TEMPLATES": json.dumps(TEMPLATES),
        "OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS),
        "CACHE_STAMP_DIR": str(shared_queue.parent / "stamps"),
    }


def statuses() -> dict[str, int]:
    db.session.expire_all()
    db.session.rollback()
    rows = db.session.execute(select(Delivery.status, func.count()).group_by(Delivery.status))
    return {row.status: row[1] for row in rows}


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"not reached in {seconds} s: {statuses()}")


def test_two_workers_send_each_message_once(client, world, wechat, worker_env, tmp_path):
    orders = [seeded_order(world.a, world.item, OrderStatus.APPROVED) for _ in range(12)]
    subscribe(client, world.a.member, *["TPL-DISPATCHED"] * 10)
    # Half the hand-offs reach the queue; the other half are lost (as in a crash after the
    # commit): the workers' sweeps must find those.
    for order in orders[:6]:
        dispatch(client, world, order)
    queue.flush()
    for order in orders[6:]:
        dispatch(client, world, order)

    with (
        worker_process(worker_env, tmp_path / "one.log"),
        worker_process(worker_env, tmp_path / "two.log"),
    ):
        wait_for(lambda: statuses().get("pending", 0) + statuses().get("sending", 0) == 0)

    assert statuses() == {"sent": 10, "no_quota": 2}
    assert len(wechat.delivered) == 10
    pages = [sent["page"] for sent in wechat.delivered]
    assert len(set(pages)) == 10  # ten different orders, none twice
    assert {sent["touser"] for sent in wechat.delivered} == {world.a.member.openid}


def test_a_worker_killed_mid_send_leaves_it_to_the_next(
    client, world, wechat, worker_env, tmp_path
):
    subscribe(client, world.a.member, "TPL-DISPATCHED")
    order = seeded_order(world.a, world.item, OrderStatus.APPROVED)
    wechat.send_failure = "hold"  # WeChat takes the request and does not answer
    with worker_process(worker_env, tmp_path / "killed.log") as first:
        dispatch(client, world, order)
        wait_for(lambda: wechat.calls["/cgi-bin/message/subscribe/send"] == 1)
        first.kill()
        first.wait(timeout=10)
    assert statuses() == {"sending": 1}
    wechat.send_failure = None
    wechat.release_sends()

    time.sleep(LEASE_SECONDS + 0.5)  # the dead worker's lease runs out
    with worker_process(worker_env, tmp_path / "next.log"):
        wait_for(lambda: statuses() == {"sent": 1})

    (sent,) = wechat.delivered
    assert sent["page"] == f"pages/orders/detail?id={order.id}"
    assert db.session.scalar(select(Delivery.attempts)) == 2
