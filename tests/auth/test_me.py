"""GET /me: who the token belongs to, with roles and scope; 401 without a good token."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.accounts.tokens import issue_token
from app.extensions import db
from app.members.models import MemberProfile
from tests.helpers.api import assert_error, auth, bearer

URL = "/api/v1/me"


def place(obj) -> dict:
    return {"id": obj.id, "code": obj.code, "name": obj.name}


def test_resident(client, world):
    body = client.get(URL, headers=auth(world.a.resident)).get_json()

    assert body == {
        "id": world.a.resident.id,
        "roles": ["resident"],
        "display_name": world.a.resident.display_name,
        "community": None,
        "member": None,
        "staff": None,
    }


def test_member_sees_the_community_and_the_approved_registration(client, world):
    body = client.get(URL, headers=auth(world.a.member)).get_json()

    assert body["id"] == world.a.member.id
    assert body["roles"] == ["member", "resident"]
    assert body["community"] == place(world.a.community)
    assert body["member"]["status"] == "approved"
    assert body["member"]["community_id"] == world.a.community.id
    assert body["staff"] is None


def test_resident_with_a_pending_registration_sees_its_status(client, world):
    db.session.add(
        MemberProfile(
            user_id=world.b.resident.id,
            community_id=world.b.community.id,
            name="王五",
            unit_name="东湖区税务局",
            letter_no="DH-1",
        )
    )
    db.session.commit()

    body = client.get(URL, headers=auth(world.b.resident)).get_json()

    assert body["roles"] == ["resident"]
    assert body["member"]["status"] == "pending"
    assert body["community"] is None


def test_staff_sees_the_managed_community(client, world):
    body = client.get(URL, headers=auth(world.b.staff)).get_json()

    assert body["roles"] == ["staff"]
    assert body["community"] == place(world.b.community)
    assert body["staff"] == {
        "username": world.b.staff.username,
        "community": place(world.b.community),
        "street": None,
    }


def test_street_admin_sees_the_street(client, world):
    body = client.get(URL, headers=auth(world.street_admin)).get_json()

    assert body["roles"] == ["street_admin"]
    assert body["community"] is None
    assert body["staff"]["street"] == place(world.street)
    assert body["staff"]["community"] is None


@pytest.mark.parametrize("role", ["resident", "member", "staff"])
def test_no_secret_is_shown(client, world, role):
    user = getattr(world.a, role)
    user.session_key = "SESSION-KEY-SECRET"
    db.session.commit()

    text = client.get(URL, headers=auth(user)).get_data(as_text=True)

    for secret in ("SESSION-KEY-SECRET", "session_key", "openid", "password", "scrypt"):
        assert secret not in text


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Basic abc",
        "Bearer not-a-token",
        "Bearer eyJ1aWQiOjF9.garbled.sig",
    ],
)
def test_missing_or_garbled_token_is_401(client, world, header):
    headers = {"Authorization": header} if header is not None else {}

    assert_error(client.get(URL, headers=headers), 401, "UNAUTHORIZED")


def test_expired_token_is_401(client, frozen_clock, world, app):
    headers = auth(world.a.resident)
    max_age = app.config["TOKEN_MAX_AGE_SECONDS"]
    frozen_clock.shift(timedelta(seconds=max_age))
    assert client.get(URL, headers=headers).status_code == 200  # its last second

    frozen_clock.shift(timedelta(seconds=1))

    # The token passed a moment ago, its signature kept as checked: its age still counts.
    refused = assert_error(client.get(URL, headers=headers), 401, "UNAUTHORIZED")
    assert refused["message"] == "登录已过期，请重新登录"


def test_token_signed_with_another_key_is_401(client, world, app, monkeypatch):
    monkeypatch.setitem(app.config, "SECRET_KEY", "another-key")
    forged = issue_token(world.a.staff.id)
    monkeypatch.undo()

    assert_error(client.get(URL, headers=bearer(forged)), 401, "UNAUTHORIZED")


def test_token_of_a_deactivated_user_is_401(client, world):
    headers = auth(world.a.resident)
    world.a.resident.is_active = False
    db.session.commit()

    assert_error(client.get(URL, headers=headers), 401, "UNAUTHORIZED")
