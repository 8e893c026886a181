"""Races settled by PostgreSQL: conditional UPDATEs and the unique user_id, with real threads."""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest

from tests.helpers import factories
from tests.helpers.api import API, auth
from tests.helpers.db import fresh
from tests.helpers.members import (
    REGISTRATION,
    STAFF_MEMBERS,
    member_role_count,
    profile_count,
    registration,
    registration_body,
)

pytestmark = pytest.mark.postgresql


def _race(app, calls: list[tuple[str, str, dict | None, dict]]) -> Counter:
    """Fire the calls at once, each from its own thread (own app context, own connection);
    counts the answers by (status, error code)."""
    barrier = Barrier(len(calls))

    def fire(call):
        method, path, body, headers = call
        client = app.test_client()
        barrier.wait()
        response = getattr(client, method)(API + path, json=body, headers=headers)
        return response.status_code, response.get_json().get("error", {}).get("code")

    with ThreadPoolExecutor(len(calls)) as pool:
        return Counter(pool.map(fire, calls))


def test_two_staff_approving_at_once_one_wins(app, world):
    second_staff = factories.staff(world.a.community)
    obj = registration(world.a.community)
    path = f"{STAFF_MEMBERS}/{obj.id}/approve"
    staff_headers = [auth(world.a.staff), auth(second_staff), auth(world.street_admin)] * 2

    statuses = _race(app, [("post", path, None, headers) for headers in staff_headers])

    assert statuses == Counter({(200, None): 1, (409, "REGISTRATION_STATE_CONFLICT"): 5})
    assert member_role_count(obj.user_id) == 1
    assert fresh(obj).status == "approved"


def test_approve_and_reject_at_once_one_wins(app, world):
    obj = registration(world.a.community)
    path = f"{STAFF_MEMBERS}/{obj.id}"
    headers = auth(world.a.staff)
    calls = [
        ("post", f"{path}/approve", None, headers),
        ("post", f"{path}/reject", {"reason": "材料不全"}, headers),
    ] * 3

    statuses = _race(app, calls)

    assert statuses == Counter({(200, None): 1, (409, "REGISTRATION_STATE_CONFLICT"): 5})
    final = fresh(obj).status
    assert member_role_count(obj.user_id) == (1 if final == "approved" else 0)


def test_double_submit_at_once_one_registration(app, world):
    body = registration_body(world.a.community)
    headers = auth(world.a.resident)

    statuses = _race(app, [("post", REGISTRATION, body, headers)] * 6)

    assert statuses == Counter({(201, None): 1, (409, "REGISTRATION_EXISTS"): 5})
    assert profile_count(world.a.resident.id) == 1
