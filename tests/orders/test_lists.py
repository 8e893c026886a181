"""Lists: ?limit= and ?cursor= rules, newest first, every order once, scoped per audience."""

import pytest

from app.orders.models import OrderStatus as S
from tests.helpers.api import API, assert_error, auth, get, get_json, item_ids, pages
from tests.helpers.orders import seeded_order

LISTS = ["/my/orders", "/staff/orders", "/member/pool", "/member/orders"]


def _user_for(world, path):
    return {"/my/orders": world.a.resident, "/staff/orders": world.a.staff}.get(
        path, world.a.member
    )


def _walk(client, user, path: str, limit: int) -> list[list[int]]:
    return [item_ids(body) for body in pages(client, user, f"{path}?limit={limit}")]


@pytest.mark.parametrize("path", LISTS)
def test_bad_limit_or_cursor_is_refused(client, world, path):
    headers = auth(_user_for(world, path))
    for limit in ["0", "101", "abc", "-1", "1.5", ""]:
        response = client.get(f"{API}{path}?limit={limit}", headers=headers)
        assert "limit" in assert_error(response, 422, "VALIDATION_ERROR")["details"], limit
    for cursor in ["forged", "MQ", "eyJpZCI6MX0.abc", "x" * 300, "%00"]:
        response = client.get(f"{API}{path}?cursor={cursor}", headers=headers)
        assert "cursor" in assert_error(response, 422, "VALIDATION_ERROR")["details"], cursor
    for limit in ["1", "100"]:
        assert client.get(f"{API}{path}?limit={limit}", headers=headers).status_code == 200


@pytest.mark.parametrize("path", LISTS)
def test_walking_the_pages_yields_every_order_once_newest_first(client, world, path):
    status = S.PUBLISHED if path == "/member/pool" else S.ACCEPTED
    ids = [seeded_order(world.a, world.item, status).id for _ in range(7)]
    seeded_order(world.b, world.item, status)  # another community: never listed
    pages = _walk(client, _user_for(world, path), path, limit=3)
    assert [len(page) for page in pages] == [3, 3, 1]
    assert [i for page in pages for i in page] == sorted(ids, reverse=True)


def test_default_limit_is_20(client, world):
    for _ in range(21):
        seeded_order(world.a, world.item)
    body = get(client, world.a.resident, "/my/orders").get_json()
    assert len(body["items"]) == 20 and body["next_cursor"]


def test_my_orders_are_only_mine(client, world):
    mine = seeded_order(world.a, world.item)
    seeded_order(world.b, world.item)
    body = get(client, world.a.resident, "/my/orders").get_json()
    assert item_ids(body) == [mine.id] and body["next_cursor"] is None


def test_staff_queue_is_scoped_and_filtered_by_status(client, world):
    a_submitted = seeded_order(world.a, world.item, S.SUBMITTED).id
    a_approved = seeded_order(world.a, world.item, S.APPROVED).id
    b_submitted = seeded_order(world.b, world.item, S.SUBMITTED).id

    def ids(user, query=""):
        return item_ids(get_json(client, user, f"/staff/orders{query}"))

    assert ids(world.a.staff) == [a_approved, a_submitted]
    assert ids(world.a.staff, "?status=submitted") == [a_submitted]
    assert ids(world.b.staff, "?status=approved") == []
    assert ids(world.street_admin, "?status=submitted") == [b_submitted, a_submitted]
    assert ids(world.street_admin) == [b_submitted, a_approved, a_submitted]


def test_pool_is_the_published_orders_of_the_members_community(client, world):
    published = seeded_order(world.a, world.item, S.PUBLISHED).id
    seeded_order(world.a, world.item, S.APPROVED)
    seeded_order(world.b, world.item, S.PUBLISHED)
    pool = get(client, world.a.member, "/member/pool").get_json()
    assert item_ids(pool) == [published]
    assert pool["items"][0]["status"] == "published"
