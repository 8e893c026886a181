"""POST /me/subscriptions: each accepted template id adds one send to the caller's quota."""

from __future__ import annotations

from tests.helpers.api import assert_error, auth, get_json, post


def test_each_id_adds_one_send_and_an_id_twice_adds_two(client, world, templates):
    ids = [templates["order_accepted"], templates["order_accepted"], templates["order_completed"]]
    response = post(client, world.a.resident, "/me/subscriptions", {"template_ids": ids})
    assert response.status_code == 200
    assert response.get_json() == {"quota": {"TPL-ACCEPTED": 2, "TPL-COMPLETED": 1}}

    again = post(client, world.a.resident, "/me/subscriptions", {"template_ids": ["TPL-ACCEPTED"]})
    assert again.get_json()["quota"] == {"TPL-ACCEPTED": 3, "TPL-COMPLETED": 1}


def test_the_quota_is_the_callers_own(client, world, templates):
    post(client, world.a.resident, "/me/subscriptions", {"template_ids": ["TPL-ACCEPTED"]})
    mine = get_json(client, world.b.resident, "/me/subscriptions")
    assert mine["quota"] == {}
    assert mine["templates"] == templates


def test_unknown_ids_and_bad_lists_are_refused_and_write_nothing(client, world, templates):
    for body in (
        {"template_ids": ["TPL-NOT-CONFIGURED"]},
        {"template_ids": []},
        {"template_ids": ["TPL-ACCEPTED"] * 11},
        {"template_ids": "TPL-ACCEPTED"},
        {},
    ):
        response = post(client, world.a.resident, "/me/subscriptions", body)
        error = assert_error(response, 422, "VALIDATION_ERROR")
        assert "template_ids" in error["details"], body
    assert get_json(client, world.a.resident, "/me/subscriptions")["quota"] == {}


def test_without_a_token_it_is_401(client, world, templates):
    response = client.post("/api/v1/me/subscriptions", json={"template_ids": ["TPL-ACCEPTED"]})
    assert_error(response, 401, "UNAUTHORIZED")
    assert client.get("/api/v1/me/subscriptions", headers=auth(world.a.member)).status_code == 200
