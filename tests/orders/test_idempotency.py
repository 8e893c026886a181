"""POST /orders with Idempotency-Key: a replay is the same order; another body is refused; a
key expires after IDEMPOTENCY_TTL_HOURS, counted on the frozen clock."""

from datetime import timedelta

import pytest

from app.orders.models import IdempotencyKey
from tests.helpers.api import API, assert_error, auth
from tests.helpers.db import count_rows
from tests.helpers.orders import order_body, order_count

URL = f"{API}/orders"


def _post(client, user, body, key):
    return client.post(URL, json=body, headers={**auth(user), "Idempotency-Key": key})


def _key_count() -> int:
    return count_rows(IdempotencyKey)


def test_replay_with_the_same_body_is_the_same_order(client, world):
    body = order_body(world.a.community, world.item)
    first = _post(client, world.a.resident, body, "k-123")
    # the same content, keys in another order: the same canonical request
    replay = _post(client, world.a.resident, dict(reversed(list(body.items()))), "k-123")
    assert first.status_code == replay.status_code == 201
    assert replay.get_json()["id"] == first.get_json()["id"]
    assert replay.get_json()["timeline"] == first.get_json()["timeline"]
    assert order_count() == 1 and _key_count() == 1


def test_same_key_with_another_body_is_refused(client, world):
    body = order_body(world.a.community, world.item)
    assert _post(client, world.a.resident, body, "k-1").status_code == 201
    other = {**body, "description": "另一件事"}
    assert_error(_post(client, world.a.resident, other, "k-1"), 422, "IDEMPOTENCY_KEY_REUSED")
    assert order_count() == 1


def test_keys_are_scoped_to_the_caller(client, world):
    first = _post(client, world.a.resident, order_body(world.a.community, world.item), "shared")
    second = _post(client, world.b.resident, order_body(world.b.community, world.item), "shared")
    assert first.status_code == second.status_code == 201
    assert first.get_json()["id"] != second.get_json()["id"]
    assert order_count() == 2


def test_without_a_key_every_post_is_a_new_order(client, world):
    body = order_body(world.a.community, world.item)
    for _ in range(2):
        assert client.post(URL, json=body, headers=auth(world.a.resident)).status_code == 201
    assert order_count() == 2 and _key_count() == 0


@pytest.mark.parametrize("key", ["x" * 256, "", "bad\x01key"])
def test_bad_key_is_a_validation_error(client, world, key):
    response = _post(client, world.a.resident, order_body(world.a.community, world.item), key)
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert "Idempotency-Key" in error["details"]
    assert order_count() == 0 and _key_count() == 0


def test_key_of_255_characters_is_fine(client, world):
    body = order_body(world.a.community, world.item)
    first = _post(client, world.a.resident, body, "k" * 255)
    assert first.status_code == 201
    assert (
        _post(client, world.a.resident, body, "k" * 255).get_json()["id"] == first.get_json()["id"]
    )


def test_refused_body_does_not_use_up_the_key(client, world):
    body = order_body(world.a.community, world.item)
    bad = _post(client, world.a.resident, {**body, "contact_phone": "123"}, "k-2")
    assert_error(bad, 422, "VALIDATION_ERROR")
    assert _key_count() == 0
    assert _post(client, world.a.resident, body, "k-2").status_code == 201


def test_expired_key_is_replaced(client, world, app, frozen_clock):
    body = order_body(world.a.community, world.item)
    first_id = _post(client, world.a.resident, body, "old").get_json()["id"]
    frozen_clock.shift(timedelta(hours=app.config["IDEMPOTENCY_TTL_HOURS"], minutes=1))
    other = {**body, "description": "过了一天，又一件事"}
    second = _post(client, world.a.resident, other, "old")
    assert second.status_code == 201 and second.get_json()["id"] != first_id
    assert _post(client, world.a.resident, other, "old").get_json()["id"] == second.get_json()["id"]
    assert order_count() == 2 and _key_count() == 1


def test_key_younger_than_the_ttl_still_counts(client, world, app, frozen_clock):
    body = order_body(world.a.community, world.item)
    first_id = _post(client, world.a.resident, body, "day").get_json()["id"]
    frozen_clock.shift(timedelta(hours=app.config["IDEMPOTENCY_TTL_HOURS"], minutes=-5))
    assert _post(client, world.a.resident, body, "day").get_json()["id"] == first_id
    assert order_count() == 1
