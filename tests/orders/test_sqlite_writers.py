"""One server on SQLite with several workers: residents creating orders at the same moment
all get their 201, none a 500 "database is locked" (app/sqlite_settings.py)."""

from __future__ import annotations

import pytest

from tests.helpers.concurrency import all_at_once
from tests.helpers.orders import PHONE
from tests.helpers.servers import http, sqlite_gunicorn

WRITERS, ORDERS_EACH = 8, 15


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("sqlite-writers")
    settings = {"GUNICORN_WORKER_CLASS": "sync", "LOGIN_RATE_LIMIT": "1000 per minute"}
    with sqlite_gunicorn(work, settings, demo=True) as url:
        yield url


def order_body(url: str) -> dict:
    community = http(f"{url}/api/v1/communities")[1]["items"][0]
    item = http(f"{url}/api/v1/catalog")[1]["categories"][0]["items"][0]
    return {
        "community_id": community["id"],
        "item_id": item["id"],
        "description": "家里水管漏水，需要帮忙维修",
        "address": "东湖区百花洲路1号2栋301",
        "contact_phone": PHONE,
    }


def test_orders_created_at_once_on_two_workers_all_succeed(server):
    body = order_body(server)
    tokens = [
        http(f"{server}/api/v1/auth/wechat", "POST", {"code": f"writer-{n}"})[1]["token"]
        for n in range(WRITERS)
    ]

    def orders_of(token: str):
        url = f"{server}/api/v1/orders"

        def create(n: int) -> int:
            headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": f"k-{n}"}
            return http(url, "POST", body, headers)[0]

        return lambda: [create(n) for n in range(ORDERS_EACH)]

    statuses = all_at_once([orders_of(token) for token in tokens])
    assert statuses == [[201] * ORDERS_EACH] * WRITERS
    mine = http(f"{server}/api/v1/my/orders", headers={"Authorization": f"Bearer {tokens[0]}"})
    assert len(mine[1]["items"]) == ORDERS_EACH
