"""Who may call the merchant calls, over two communities with merchants in each."""

from __future__ import annotations

import pytest

from app.merchants.models import MerchantService
from tests.helpers.api import post
from tests.helpers.db import count_rows, fresh
from tests.helpers.permissions import BAD_TOKENS, Case, check, matrix

SERVICE = {"service": "便民服务"}
SERVICES = "/merchants/{merchant}/services"
TRUSTED = "/staff/merchants/{merchant}/trusted"
RANKING = "/staff/merchants/ranking"

CASES = [
    # Staff of B do not reach A's merchant: 404, even with a bad body.
    Case("b.staff", "post", SERVICES, 404, body=SERVICE),
    Case("b.staff", "post", TRUSTED, 404, body={"trusted": True}),
    Case("b.staff", "post", TRUSTED, 404, body={"trusted": "x"}),
    # Residents and members may confirm, not call staff calls.
    Case("a.resident", "post", TRUSTED, 403, body={"trusted": True}),
    Case("b.member", "post", TRUSTED, 403, body={"trusted": True}),
    Case("a.resident", "get", RANKING, 403),
    Case("a.member", "get", RANKING, 403),
    *(Case(who, "post", SERVICES, 401, body=SERVICE) for who in BAD_TOKENS),
    *(Case(who, "post", TRUSTED, 401, body={"trusted": True}) for who in BAD_TOKENS),
    *(Case(who, "get", RANKING, 401) for who in BAD_TOKENS),
]


@matrix(CASES)
def test_who_may_not_call_what(client, world, shops, case):
    check(client, world, case, merchant=shops.bank.id)
    assert count_rows(MerchantService) == 0
    bank = fresh(shops.bank)
    assert bank.trusted is False and bank.service_points == 0


@pytest.mark.parametrize("who", ["a.staff", "street_admin", "a.resident", "b.resident", "b.member"])
def test_who_may_record_a_service(client, world, shops, who):
    response = post(client, world.user(who), f"/merchants/{shops.bank.id}/services", SERVICE)
    assert response.status_code == 201, response.get_json()
    assert fresh(shops.bank).service_points == 1
