"""A change made through one app server is seen through the other within a second, even by a
server that answered the same question just before (whatever it keeps must not outlive it)."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.cluster.calls import call, get_json, seconds_until
from tests.helpers import factories
from tests.helpers.api import auth
from tests.helpers.orders import order_body

pytestmark = pytest.mark.cluster

WITHIN = 1.0  # seconds


def _is_member(server: str, headers: dict) -> bool:
    roles = get_json(server, "/me", headers)["roles"]
    return "member" in roles and call(server, "GET", "/member/pool", headers)[0] == 200


def test_a_member_approved_through_a_is_a_member_through_b_within_a_second(cluster, side):
    applicant = factories.resident()
    db.session.commit()
    headers = auth(applicant)
    assert get_json(cluster.b, "/me", headers)["roles"] == ["resident"]
    assert call(cluster.b, "GET", "/member/pool", headers)[0] == 403
    registration = {
        "name": "李党员",
        "community_id": side.community.id,
        "unit_name": "南昌市东湖区机关事务局",
        "letter_no": f"DH-CLUSTER-{applicant.id}",
    }
    status, pending, _ = call(cluster.b, "POST", "/member/registration", headers, registration)
    assert status == 201, pending

    path = f"/staff/members/{pending['id']}/approve"
    status, approved, _ = call(cluster.a, "POST", path, auth(side.staff))
    assert status == 200, approved

    assert seconds_until(lambda: _is_member(cluster.b, headers), WITHIN) < WITHIN


def _ids(server: str, path: str, headers: dict) -> list[int]:
    return [item["id"] for item in get_json(server, path, headers)["items"]]


def test_an_order_made_through_a_is_listed_through_b_within_a_second(cluster, side):
    resident, staff = auth(side.resident), auth(side.staff)
    queue = "/staff/orders?status=submitted&limit=100"
    assert _ids(cluster.b, "/my/orders", resident) == []
    before = _ids(cluster.b, queue, staff)

    status, order, _ = call(
        cluster.a, "POST", "/orders", resident, order_body(side.community, side.item)
    )
    assert status == 201, order

    def listed() -> bool:
        mine = _ids(cluster.b, "/my/orders", resident)
        return mine == [order["id"]] and order["id"] in _ids(cluster.b, queue, staff)

    assert order["id"] not in before
    assert seconds_until(listed, WITHIN) < WITHIN
