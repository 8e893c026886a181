"""Merchant accounts: `flask merchant create`, password login at POST /auth/staff, /me."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import Role, User
from app.extensions import db
from tests.helpers.api import auth, staff_login
from tests.helpers.db import count_rows, fresh


def create(app, *args):
    return app.test_cli_runner().invoke(args=["merchant", "create", *args])


def test_the_command_opens_an_account_that_logs_in(app, client, world, shops):
    result = create(app, "bank-a", "--password", "long-enough-1", "--merchant", str(shops.bank.id))

    assert result.exit_code == 0, result.output
    assert "bank-a" in result.output and shops.bank.name in result.output
    user = db.session.scalar(select(User).where(User.username == "bank-a"))
    assert user.role_names == ["merchant"]
    assert user.role(Role.MERCHANT).community_id == world.a.community.id
    assert fresh(shops.bank).account_id == user.id

    login = staff_login(client, "bank-a", "long-enough-1")
    assert login.status_code == 200
    token = login.get_json()["token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert me["roles"] == ["merchant"] and me["id"] == user.id and me["staff"] is None


def test_a_wrong_password_is_refused(app, client, shops):
    create(app, "bank-a", "--password", "long-enough-1", "--merchant", str(shops.bank.id))
    assert staff_login(client, "bank-a", "long-enough-2").status_code == 401


def test_refusals_write_nothing(app, world, shops):
    users = count_rows(User)
    bad_password = create(app, "bank-a", "--password", "short", "--merchant", str(shops.bank.id))
    unknown = create(app, "bank-b", "--password", "long-enough-1", "--merchant", "999999")
    taken = create(
        app, world.a.staff.username, "--password", "long-enough-1", "--merchant", str(shops.bank.id)
    )
    assert bad_password.exit_code != 0 and "8" in bad_password.output
    assert unknown.exit_code != 0 and "999999" in unknown.output
    assert taken.exit_code != 0 and "已存在" in taken.output
    assert count_rows(User) == users and fresh(shops.bank).account_id is None


def test_a_merchant_has_one_account(app, shops):
    create(app, "bank-a", "--password", "long-enough-1", "--merchant", str(shops.bank.id))
    again = create(app, "bank-a2", "--password", "long-enough-1", "--merchant", str(shops.bank.id))
    assert again.exit_code != 0 and "已有账号" in again.output
    assert db.session.scalar(select(User).where(User.username == "bank-a2")) is None


def test_a_merchant_may_not_call_staff_calls(app, client, shops):
    create(app, "bank-a", "--password", "long-enough-1", "--merchant", str(shops.bank.id))
    user = db.session.scalar(select(User).where(User.username == "bank-a"))
    response = client.get("/api/v1/staff/merchants/ranking", headers=auth(user))
    assert response.status_code == 403
