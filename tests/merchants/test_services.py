"""便民服务积分: POST /merchants/{id}/services by a resident (once a day) or by staff."""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from threading import Barrier

import pytest

from app.extensions import db
from app.merchants.models import MerchantService
from tests.helpers.api import API, assert_error, auth, post
from tests.helpers.db import count_rows, fresh

BODY = {"service": "代缴水电费", "note": "帮忙操作手机银行"}


def path(merchant) -> str:
    return f"/merchants/{merchant.id}/services"


def test_a_resident_confirms_once_a_day_and_points_grow(client, frozen_clock, world, shops):
    first = post(client, world.a.resident, path(shops.bank), BODY)
    assert first.status_code == 201, first.get_json()
    body = first.get_json()
    assert body["service"] == "代缴水电费" and body["note"] == "帮忙操作手机银行"
    assert body["points"] == 1 and body["service_points"] == 1
    assert body["day"] == "2026-11-26"

    again = post(client, world.a.resident, path(shops.bank), {"service": "再来一次"})
    assert_error(again, 409, "SERVICE_ALREADY_CONFIRMED")
    other = post(client, world.b.resident, path(shops.bank), {"service": "取快递"})
    assert other.get_json()["service_points"] == 2

    frozen_clock.shift(timedelta(days=1))
    tomorrow = post(client, world.a.resident, path(shops.bank), {"service": "代缴水电费"})
    assert tomorrow.status_code == 201 and tomorrow.get_json()["service_points"] == 3
    assert fresh(shops.bank).service_points == 3
    public = client.get(f"{API}/merchants/{shops.bank.id}").get_json()
    assert public["service_points"] == 3


def test_staff_record_services_of_their_community_as_often_as_done(client, world, shops):
    for expected in (1, 2):
        response = post(client, world.a.staff, path(shops.courier), {"service": "代收快递"})
        assert response.status_code == 201
        assert response.get_json()["service_points"] == expected
    rows = count_rows(MerchantService, MerchantService.merchant_id == shops.courier.id)
    assert rows == 2


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "service"),
        ({"service": ""}, "service"),
        ({"service": "   "}, "service"),
        ({"service": "x" * 51}, "service"),
        ({"service": "ok", "note": "n" * 201}, "note"),
        ({"service": "a\x00b"}, "service"),
        ({"service": 12}, "service"),
    ],
)
def test_bad_input_is_422_and_writes_nothing(client, world, shops, body, field):
    error = assert_error(
        post(client, world.a.resident, path(shops.bank), body), 422, "VALIDATION_ERROR"
    )
    assert field in error["details"]
    assert count_rows(MerchantService) == 0 and fresh(shops.bank).service_points == 0


def test_a_closed_merchant_takes_no_confirmation(client, world, shops):
    shops.bank.is_active = False
    db.session.commit()
    assert_error(post(client, world.a.resident, path(shops.bank), BODY), 404, "NOT_FOUND")
    assert count_rows(MerchantService) == 0


@pytest.mark.postgresql
def test_ten_confirmations_at_once_count_once(app, world, shops):
    barrier = Barrier(10)
    headers, url = auth(world.a.resident), API + path(shops.bank)

    def fire(_):
        client = app.test_client()
        barrier.wait()
        response = client.post(url, json=BODY, headers=headers)
        return response.status_code

    with ThreadPoolExecutor(10) as pool:
        statuses = Counter(pool.map(fire, range(10)))

    assert statuses == Counter({201: 1, 409: 9})
    assert count_rows(MerchantService) == 1
    assert fresh(shops.bank).service_points == 1
