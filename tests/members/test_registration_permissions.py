"""Who may call what: 401 without a token, 403 for a wrong role, 404 across communities, and
nothing changes."""

import pytest

from app.members.models import RegistrationStatus
from tests.helpers.api import get, item_ids, post
from tests.helpers.db import fresh
from tests.helpers.members import (
    POINTS,
    REGISTRATION,
    STAFF_MEMBERS,
    registration,
    registration_body,
    role_names,
)
from tests.helpers.permissions import Case, check, matrix

ONE = STAFF_MEMBERS + "/{registration}"
STAFF_CALLS = [
    ("get", ONE, None),
    ("post", f"{ONE}/approve", None),
    ("post", f"{ONE}/reject", {"reason": "材料不全"}),
]


def valid_registration(world) -> dict:
    return registration_body(world.a.community)


CASES = [
    # another community's staff: 404, even for an invalid reason
    *[Case("a.staff", method, path, 404, body=body) for method, path, body in STAFF_CALLS],
    Case("a.staff", "post", f"{ONE}/reject", 404, body={"reason": ""}),
    # residents and members on staff endpoints: 403, even for invalid input
    *[
        Case(who, method, path, 403, body=body)
        for who in ("b.resident", "b.member")
        for method, path, body in [("get", STAFF_MEMBERS, None), *STAFF_CALLS]
    ],
    Case("b.resident", "post", f"{ONE}/reject", 403, body={"reason": 1}),
    Case("b.member", "get", f"{STAFF_MEMBERS}?status=nonsense", 403),
    # staff accounts neither register nor have points; nor has a resident who is no member
    *[
        Case(who, method, path, 403, body=body)
        for who in ("a.staff", "street_admin")
        for method, path, body in [
            ("post", REGISTRATION, valid_registration),
            ("get", POINTS, None),
        ]
    ],
    Case("a.resident", "get", POINTS, 403),
    # one's own registration only
    Case("b.resident", "get", REGISTRATION, 404),
    # no token, or a bad one, anywhere
    *[
        Case(who, method, path, 401, body=body)
        for who in ("anonymous", "forged token", "basic auth")
        for method, path, body in [
            ("post", REGISTRATION, {"name": 1}),
            ("get", REGISTRATION, None),
            ("get", POINTS, None),
            ("get", f"{STAFF_MEMBERS}?status=bad", None),
            *STAFF_CALLS,
        ]
    ],
]


@pytest.fixture
def pending_b(world):
    """A pending registration of community demo-b."""
    return registration(world.b.community)


@matrix(CASES)
def test_who_may_call_what(client, world, pending_b, case):
    check(client, world, case, registration=pending_b.id)
    assert (fresh(pending_b).status, fresh(pending_b).reviewed_by_id) == (
        RegistrationStatus.PENDING,
        None,
    )
    assert "member" not in role_names(pending_b.user_id)


def test_street_admin_sees_and_reviews_both_communities(client, world, pending_b):
    pending_a = registration(world.a.community)
    admin = world.street_admin

    listed = get(client, admin, f"{STAFF_MEMBERS}?status=pending").get_json()
    assert item_ids(listed) == [pending_a.id, pending_b.id]  # newest first
    assert get(client, admin, f"{STAFF_MEMBERS}/{pending_a.id}").status_code == 200

    response = post(client, admin, f"{STAFF_MEMBERS}/{pending_b.id}/approve")
    assert response.status_code == 200
    assert response.get_json()["reviewed_by_id"] == world.street_admin.id
    assert "member" in role_names(pending_b.user_id)
    response = post(client, admin, f"{STAFF_MEMBERS}/{pending_a.id}/reject", {"reason": "信息不全"})
    assert response.get_json()["status"] == "rejected"


def test_staff_list_holds_only_their_community(client, world, pending_b):
    pending_a = registration(world.a.community)
    for side, expected in ((world.a, pending_a), (world.b, pending_b)):
        listed = get(client, side.staff, STAFF_MEMBERS).get_json()["items"]
        # the world's approved members of that community come along when no status is given
        assert {item["community_id"] for item in listed} == {side.community.id}
        assert expected.id in {item["id"] for item in listed}


def test_own_registration_is_the_callers(client, world):
    mine = get(client, world.a.member, REGISTRATION).get_json()
    assert mine["user_id"] == world.a.member.id
