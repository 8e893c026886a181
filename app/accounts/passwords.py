"""Accounts that sign in with a username and password (staff, street admins, merchants): the
rules for both, and the new user, joined to its caller's transaction."""

from __future__ import annotations

import re

from werkzeug.security import generate_password_hash

from app.accounts.models import User, UserRole
from app.errors import Conflict
from app.extensions import db

PASSWORD_METHOD = "scrypt"
PASSWORD_MIN_LENGTH = 8
USERNAME_RE = re.compile(r"^[\w.@-]{3,64}$")


def credential_errors(username: str | None, password: str | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not USERNAME_RE.match(username or ""):
        errors["username"] = ["用户名应为 3 到 64 个字母、数字或 _ . @ - (3-64 letters or digits)"]
    if len(password or "") < PASSWORD_MIN_LENGTH:
        errors["password"] = [
            f"密码长度不能少于 {PASSWORD_MIN_LENGTH} 位 (at least {PASSWORD_MIN_LENGTH} characters)"
        ]
    return errors


def password_user(username: str, password: str, role: UserRole, display_name: str) -> User:
    """A new user with one role; a username already taken fails at the flush (unique)."""
    user = User(
        username=username,
        display_name=display_name,
        roles=[role],
        password_hash=generate_password_hash(password, method=PASSWORD_METHOD),
    )
    db.session.add(user)
    db.session.flush()
    return user


def username_taken(username: str, *args: object, **kwargs: object) -> Conflict:
    return Conflict(f"用户名 {username} 已存在 (username already exists)")
