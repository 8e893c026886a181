"""Who may call what: 401 without a token, 403 for a wrong role, 404 across communities."""
import pytest

from app.members.models import RegistrationStatus
from tests.helpers.api import API, auth
from tests.helpers.db import fresh
from tests.helpers.members import (POINTS, REGISTRATION, STAFF_MEMBERS, registration,
                                   registration_body, role_names)

REGISTRATION_URL, STAFF_URL, POINTS_URL = API + REGISTRATION, API + STAFF_MEMBERS, API + POINTS


@pytest.fixture
def pending_b(world):
    """A pending registration of community demo-b."""
    return registration(world.b.community)


def _staff_calls(registration_id: int) -> list[tuple[str, str, dict | None]]:
    url = f"{STAFF_URL}/{registration_id}"
    return [("get", url, None), ("post", f"{url}/approve", None),
            ("post", f"{url}/reject", {"reason": "材料不全"})]


def _call(client, method, url, body, headers):
    return getattr(client, method)(url, json=body, headers=headers)


def _assert_error(response, status: int, code: str) -> None:
    assert response.status_code == status, response.get_json()
    assert response.get_json()["error"]["code"] == code


def test_other_communitys_staff_gets_404_and_changes_nothing(client, world, pending_b):
    for method, url, body in _staff_calls(pending_b.id):
        _assert_error(_call(client, method, url, body, auth(world.a.staff)), 404, "NOT_FOUND")
    assert fresh(pending_b).status == RegistrationStatus.PENDING
    assert fresh(pending_b).reviewed_by_id is None
    assert "member" not in role_names(pending_b.user_id)
    listed = client.get(STAFF_URL, headers=auth(world.a.staff)).get_json()["items"]
    assert pending_b.id not in {item["id"] for item in listed}


def test_not_found_wins_over_invalid_reason(client, world, pending_b):
    response = client.post(f"{STAFF_URL}/{pending_b.id}/reject", json={"reason": ""},
                           headers=auth(world.a.staff))
    _assert_error(response, 404, "NOT_FOUND")


@pytest.mark.parametrize("who", ["resident", "member"])
def test_non_staff_get_403_on_staff_endpoints(client, world, pending_b, who):
    headers = auth(getattr(world.b, who))
    calls = [("get", STAFF_URL, None), *_staff_calls(pending_b.id)]
    for method, url, body in calls:
        _assert_error(_call(client, method, url, body, headers), 403, "FORBIDDEN")
    assert fresh(pending_b).status == RegistrationStatus.PENDING


def test_forbidden_wins_over_invalid_input(client, world, pending_b):
    response = client.post(f"{STAFF_URL}/{pending_b.id}/reject", json={"reason": 1},
                           headers=auth(world.b.resident))
    _assert_error(response, 403, "FORBIDDEN")
    response = client.get(f"{STAFF_URL}?status=nonsense", headers=auth(world.b.member))
    _assert_error(response, 403, "FORBIDDEN")


@pytest.mark.parametrize("who", ["staff", "street_admin"])
def test_staff_accounts_cannot_register_or_read_points(client, world, who):
    user = world.street_admin if who == "street_admin" else world.a.staff
    response = client.post(REGISTRATION_URL, json=registration_body(world.a.community),
                           headers=auth(user))
    _assert_error(response, 403, "FORBIDDEN")
    _assert_error(client.get(POINTS_URL, headers=auth(user)), 403, "FORBIDDEN")


def test_resident_who_is_not_a_member_gets_403_on_points(client, world):
    _assert_error(client.get(POINTS_URL, headers=auth(world.a.resident)), 403, "FORBIDDEN")


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer forged"},
                                     {"Authorization": "Basic abc"}])
def test_no_or_bad_token_is_401_everywhere(client, world, pending_b, headers):
    calls = [("post", REGISTRATION_URL, {"name": 1}), ("get", REGISTRATION_URL, None),
             ("get", POINTS_URL, None), ("get", f"{STAFF_URL}?status=bad", None),
             *_staff_calls(pending_b.id)]
    for method, url, body in calls:
        _assert_error(_call(client, method, url, body, headers), 401, "UNAUTHORIZED")
    assert fresh(pending_b).status == RegistrationStatus.PENDING


def test_street_admin_sees_and_reviews_both_communities(client, world, pending_b):
    pending_a = registration(world.a.community)
    admin = auth(world.street_admin)

    listed = client.get(f"{STAFF_URL}?status=pending", headers=admin).get_json()["items"]
    assert [item["id"] for item in listed] == [pending_a.id, pending_b.id]  # newest first
    assert client.get(f"{STAFF_URL}/{pending_a.id}", headers=admin).status_code == 200

    response = client.post(f"{STAFF_URL}/{pending_b.id}/approve", headers=admin)
    assert response.status_code == 200
    assert response.get_json()["reviewed_by_id"] == world.street_admin.id
    assert "member" in role_names(pending_b.user_id)
    response = client.post(f"{STAFF_URL}/{pending_a.id}/reject", json={"reason": "信息不全"},
                           headers=admin)
    assert response.get_json()["status"] == "rejected"


def test_staff_list_holds_only_their_community(client, world, pending_b):
    pending_a = registration(world.a.community)
    for side, expected in ((world.a, pending_a), (world.b, pending_b)):
        listed = client.get(STAFF_URL, headers=auth(side.staff)).get_json()["items"]
        # the world's approved members of that community come along when no status is given
        assert {item["community_id"] for item in listed} == {side.community.id}
        assert expected.id in {item["id"] for item in listed}


def test_own_registration_is_only_the_callers(client, world, pending_b):
    mine = client.get(REGISTRATION_URL, headers=auth(world.a.member)).get_json()
    assert mine["user_id"] == world.a.member.id
    _assert_error(client.get(REGISTRATION_URL, headers=auth(world.b.resident)), 404, "NOT_FOUND")
