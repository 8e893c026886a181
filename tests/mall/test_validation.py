"""Bad input to the mall: 422 VALIDATION_ERROR naming the field, and nothing written."""

from __future__ import annotations

import pytest

from app.mall.models import Redemption, Reward
from tests.helpers.api import assert_error, auth, post
from tests.helpers.db import count_rows
from tests.helpers.mall import merchant, reward, reward_body, stock_of

BAD_REWARDS = [
    ({"name": ""}, "name"),
    ({"name": "长" * 51}, "name"),
    ({"name": "a\x00b"}, "name"),
    ({"points": 0}, "points"),
    ({"points": -5}, "points"),
    ({"points": "10"}, "points"),
    ({"points": 1.5}, "points"),
    ({"stock": -1}, "stock"),
    ({"stock": None}, "stock"),
    ({"community_id": "1"}, "community_id"),
    ({"photo": "http://example.com/a.jpg"}, "photo"),
    ({"photo": "not a url"}, "photo"),
    ({"description": ""}, "description"),
    ({"per_person_limit": 0}, "per_person_limit"),
    ({"valid_from": "2026-13-01"}, "valid_from"),
    ({"valid_from": "2026-12-10", "valid_until": "2026-12-01"}, "valid_until"),
    ({"merchant_id": 99999}, "merchant_id"),
    ({"is_active": "maybe"}, "is_active"),
]


@pytest.mark.parametrize(("change", "field"), BAD_REWARDS)
def test_bad_rewards_are_refused(client, world, change, field):
    body = reward_body(world.a.community) | change
    error = assert_error(
        post(client, world.a.staff, "/staff/rewards", body), 422, "VALIDATION_ERROR"
    )
    assert field in error["details"], error
    assert count_rows(Reward) == 0


@pytest.mark.parametrize("field", ["name", "points", "stock", "community_id"])
def test_each_contract_field_is_required(client, world, field):
    body = reward_body(world.a.community)
    del body[field]
    error = assert_error(
        post(client, world.a.staff, "/staff/rewards", body), 422, "VALIDATION_ERROR"
    )
    assert field in error["details"]
    assert count_rows(Reward) == 0


def test_a_merchant_of_another_community_is_refused(client, world):
    shop = merchant(world.b.community)
    body = reward_body(world.a.community, merchant_id=shop.id)
    error = assert_error(
        post(client, world.a.staff, "/staff/rewards", body), 422, "VALIDATION_ERROR"
    )
    assert "merchant_id" in error["details"]
    assert count_rows(Reward) == 0


def test_a_community_outside_the_staffs_reach_is_not_found(client, world):
    body = reward_body(world.b.community)
    assert_error(post(client, world.a.staff, "/staff/rewards", body), 404, "NOT_FOUND")
    assert count_rows(Reward) == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"stock": -1}, "stock"),
        ({"points": 0}, "points"),
        ({"valid_until": "2000-01-01"}, "valid_until"),
        ({"name": None}, "name"),
    ],
)
def test_bad_edits_are_refused(client, world, change, field):
    offered = reward(world.a.community, stock=4)
    response = client.patch(
        f"/api/v1/staff/rewards/{offered.id}", json=change, headers=auth(world.a.staff)
    )
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert field in error["details"]
    assert stock_of(offered.id) == 4


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "code"), ({"code": ""}, "code"), ({"code": 12345}, "code"), ({"code": "x" * 33}, "code")],
)
def test_bad_verifications_are_refused(client, world, body, field):
    response = post(client, world.a.staff, "/staff/redemptions/verify", body)
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert field in error["details"]
    assert count_rows(Redemption) == 0


def test_bad_list_filters(client, world):
    for query, field in [("status=lost", "status"), ("limit=0", "limit"), ("cursor=x", "cursor")]:
        response = client.get(f"/api/v1/staff/redemptions?{query}", headers=auth(world.a.staff))
        assert field in assert_error(response, 422, "VALIDATION_ERROR")["details"]
