"""Presses racing on PostgreSQL: real threads, each with its own connection, released
together. However many presses of one device arrive at once, one order is made."""

from __future__ import annotations

import pytest

from app.devices.models import DeviceNonce
from app.orders.models import Order
from tests.helpers.concurrency import all_at_once, racing_app
from tests.helpers.db import count_rows
from tests.helpers.devices import register, signed_headers

pytestmark = pytest.mark.postgresql

THREADS = 10
BODY = b'{"button": "help"}'


@pytest.fixture
def race_app(app):
    with racing_app(THREADS) as second:
        yield second


def _presses(race_app, headers: list[dict]) -> list[tuple[int, dict]]:
    def sender(sent: dict):
        def send():
            with race_app.app_context():
                response = race_app.test_client().post(
                    "/api/v1/devices/press", data=BODY, headers=sent
                )
                return response.status_code, response.get_json()

        return send

    return all_at_once([sender(h) for h in headers])


def test_ten_presses_at_once_make_one_order(race_app, client, world):
    device = register(client, world.a.staff, world.a.community)
    headers = [signed_headers(device, BODY) for _ in range(THREADS)]

    results = _presses(race_app, headers)

    statuses = sorted(status for status, _ in results)
    assert statuses == [200] * (THREADS - 1) + [201], results
    assert len({body["order_id"] for _, body in results}) == 1
    assert count_rows(Order) == 1
    assert count_rows(DeviceNonce) == THREADS


def test_one_nonce_sent_five_times_at_once_is_accepted_once(race_app, client, world):
    device = register(client, world.a.staff, world.a.community)
    headers = signed_headers(device, BODY, nonce="the-same-nonce")

    results = _presses(race_app, [headers] * 5)

    assert sorted(status for status, _ in results) == [201, 401, 401, 401, 401], results
    assert count_rows(Order) == 1 and count_rows(DeviceNonce) == 1
