"""`flask staff create`: staff of a community, admins of a street, and the refusals."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from werkzeug.security import check_password_hash

from app.accounts.models import Role, User
from app.extensions import db
from tests.helpers.api import staff_login
from tests.helpers.db import count_rows


def create(app, *args):
    return app.test_cli_runner().invoke(args=["staff", "create", *args])


def find(username):
    return db.session.scalar(select(User).where(User.username == username))


def users() -> int:
    return count_rows(User)


def test_creates_staff_of_a_community_who_can_log_in(app, client, world):
    result = create(
        app, "wang-a", "--password", "long-enough-1", "--community", "demo-a", "--name", "王主任"
    )

    assert result.exit_code == 0, result.output
    assert "wang-a" in result.output
    user = find("wang-a")
    assert user.role_names == ["staff"]
    assert user.role(Role.STAFF).community_id == world.a.community.id
    assert user.display_name == "王主任"
    assert user.password_hash.startswith("scrypt:")
    assert check_password_hash(user.password_hash, "long-enough-1")
    login = staff_login(client, "wang-a", "long-enough-1")
    assert login.status_code == 200
    assert login.get_json()["user"]["roles"] == ["staff"]


def test_creates_a_street_admin(app, world):
    result = create(app, "li-street", "--password", "long-enough-1", "--street", "test-street")

    assert result.exit_code == 0, result.output
    user = find("li-street")
    assert user.role_names == ["street_admin"]
    assert user.role(Role.STREET_ADMIN).street_id == world.street.id


@pytest.mark.parametrize(
    "args, says",
    [
        (["--community", "no-such-community"], "no-such-community"),
        (["--street", "no-such-street"], "no-such-street"),
        ([], "--community"),
        (["--community", "demo-a", "--street", "test-street"], "--community"),
    ],
)
def test_refuses_unknown_or_missing_scope(app, world, args, says):
    before = users()

    result = create(app, "zhao", "--password", "long-enough-1", *args)

    assert result.exit_code != 0
    assert says in result.output or "社区或街道" in result.output
    assert users() == before


def test_refuses_a_duplicate_username(app, world):
    first = create(app, "wang-a", "--password", "long-enough-1", "--community", "demo-a")
    assert first.exit_code == 0

    result = create(app, "wang-a", "--password", "another-pass-2", "--community", "demo-b")

    assert result.exit_code != 0
    assert "已存在" in result.output
    assert check_password_hash(find("wang-a").password_hash, "long-enough-1")


@pytest.mark.parametrize(
    "username, password, says",
    [
        ("wang-a", "short7!", "8"),
        ("a b", "long-enough-1", "用户名"),
        ("ab", "long-enough-1", "用户名"),
    ],
)
def test_refuses_bad_username_or_short_password(app, world, username, password, says):
    before = users()

    result = create(app, username, "--password", password, "--community", "demo-a")

    assert result.exit_code != 0
    assert says in result.output
    assert users() == before


def test_prompts_for_the_password_when_not_given(app, world):
    result = app.test_cli_runner().invoke(
        args=["staff", "create", "qian", "--community", "demo-b"],
        input="long-enough-1\nlong-enough-1\n",
    )

    assert result.exit_code == 0, result.output
    assert check_password_hash(find("qian").password_hash, "long-enough-1")
