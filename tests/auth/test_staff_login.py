"""POST /auth/staff: username and password of staff and street admins."""

from __future__ import annotations

import json

import pytest

from app.extensions import db
from tests.helpers.api import API, assert_error, bearer, staff_login
from tests.helpers.factories import STAFF_PASSWORD as PASSWORD

URL = f"{API}/auth/staff"


def test_staff_logs_in_with_the_right_password(client, world):
    response = staff_login(client, world.a.staff)

    assert response.status_code == 200
    body = response.get_json()
    assert body["user"] == {"id": world.a.staff.id, "roles": ["staff"]}
    me = client.get(f"{API}/me", headers=bearer(body["token"]))
    assert me.get_json()["id"] == world.a.staff.id
    db.session.refresh(world.a.staff)
    assert world.a.staff.last_login_at is not None
    assert "scrypt" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "username, password",
    [
        ("staff-that-does-not-exist", PASSWORD),
        (None, "wrong-password"),
        (None, PASSWORD.upper()),
    ],
)
def test_wrong_or_unknown_is_invalid_credentials(client, world, username, password):
    response = staff_login(client, username or world.a.staff, password)

    assert_error(response, 401, "INVALID_CREDENTIALS")
    assert "token" not in response.get_json()


def test_inactive_staff_cannot_log_in(client, world):
    world.a.staff.is_active = False
    db.session.commit()

    assert_error(staff_login(client, world.a.staff), 401, "INVALID_CREDENTIALS")
    db.session.refresh(world.a.staff)
    assert world.a.staff.last_login_at is None


def test_account_without_password_cannot_log_in(client, world):
    # The street admin of the factories has no password set.
    response = staff_login(client, world.street_admin, "")
    assert "password" in assert_error(response, 422, "VALIDATION_ERROR")["details"]

    response = staff_login(client, world.street_admin, "anything-at-all")
    assert_error(response, 401, "INVALID_CREDENTIALS")


@pytest.mark.parametrize(
    "body, field",
    [
        ({"password": PASSWORD}, "username"),
        ({"username": "someone"}, "password"),
        ({"username": "", "password": PASSWORD}, "username"),
        ({"username": "u" * 65, "password": PASSWORD}, "username"),
        ({"username": "someone", "password": 12345678}, "password"),
        ({"username": "some\x00one", "password": PASSWORD}, "username"),
        ({"username": "someone", "password": "\ud800pass"}, "password"),
    ],
)
def test_invalid_input_is_422(client, body, field):
    response = client.post(URL, data=json.dumps(body), content_type="application/json")

    assert field in assert_error(response, 422, "VALIDATION_ERROR")["details"]
