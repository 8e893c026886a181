"""Races settled by PostgreSQL: conditional UPDATEs and the unique user_id, with real threads."""
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

from app.extensions import db
from tests.helpers import factories
from tests.helpers.api import auth
from tests.members.helpers import (REGISTRATION_URL, STAFF_URL, fresh, member_role_count,
                                   profile_count, registration, registration_body)


def _race(app, calls: list[tuple[str, str, dict | None, dict]]) -> Counter:
    """Fire the calls at once, each from its own thread (own app context, own connection)."""
    barrier = Barrier(len(calls))

    def fire(call):
        method, url, body, headers = call
        client = app.test_client()
        barrier.wait()
        return getattr(client, method)(url, json=body, headers=headers).status_code

    with ThreadPoolExecutor(len(calls)) as pool:
        return Counter(pool.map(fire, calls))


def test_two_staff_approving_at_once_one_wins(pg_app, world):
    second_staff = factories.staff(world.a.community)
    obj = registration(world.a.community)
    db.session.commit()
    url = f"{STAFF_URL}/{obj.id}/approve"
    staff_headers = [auth(world.a.staff), auth(second_staff), auth(world.street_admin)] * 2

    statuses = _race(pg_app, [("post", url, None, headers) for headers in staff_headers])

    assert statuses == Counter({200: 1, 409: 5})
    assert member_role_count(obj.user_id) == 1
    assert fresh(obj).status == "approved"


def test_approve_and_reject_at_once_one_wins(pg_app, world):
    obj = registration(world.a.community)
    db.session.commit()
    url = f"{STAFF_URL}/{obj.id}"
    headers = auth(world.a.staff)
    calls = [("post", f"{url}/approve", None, headers),
             ("post", f"{url}/reject", {"reason": "材料不全"}, headers)] * 3

    statuses = _race(pg_app, calls)

    assert statuses == Counter({200: 1, 409: 5})
    final = fresh(obj).status
    assert member_role_count(obj.user_id) == (1 if final == "approved" else 0)


def test_double_submit_at_once_one_registration(pg_app, world):
    body = registration_body(world.a.community)
    headers = auth(world.a.resident)

    statuses = _race(pg_app, [("post", REGISTRATION_URL, body, headers)] * 6)

    assert statuses == Counter({201: 1, 409: 5})
    assert profile_count(world.a.resident.id) == 1
