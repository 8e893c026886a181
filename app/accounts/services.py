"""Accounts: WeChat login of residents, password login and creation of staff, `/me`."""

from __future__ import annotations

from functools import cache

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from app.accounts import throttle
from app.accounts.models import Role, User, UserRole
from app.accounts.passwords import (
    PASSWORD_METHOD,
    credential_errors,
    password_user,
    username_taken,
)
from app.accounts.tokens import issue_token
from app.clock import utcnow
from app.errors import (
    InvalidCredentials,
    NotFound,
    Unauthorized,
    ValidationError,
)
from app.extensions import db
from app.org.models import Community, Street
from app.transaction import use_case
from app.wechat import wechat


@use_case
def login_with_wechat(code: str) -> dict:
    """Exchange a `wx.login()` code for a token; the first login creates a resident."""
    openid, session_key, unionid = wechat.code_to_session(code)
    user = _resident_by_openid(openid)
    if not user.is_active:
        raise Unauthorized("该账号已停用，请联系社区")
    user.session_key = session_key  # server-side only, for later decryption of wx data
    user.unionid = unionid or user.unionid
    user.last_login_at = utcnow()
    return _logged_in(user)


def _resident_by_openid(openid: str) -> User:
    user = db.session.scalar(select(User).where(User.openid == openid))
    if user is not None:
        return user
    try:
        with db.session.begin_nested():
            user = User(openid=openid, roles=[UserRole(role=Role.RESIDENT)])
            db.session.add(user)
    except IntegrityError:
        # The same person's first login won on another connection: use that user.
        user = db.session.scalars(select(User).where(User.openid == openid)).one()
    return user


@use_case
def login_staff(username: str, password: str, client: str) -> dict:
    return _logged_in(_authenticate(username, password, client))


@use_case
def authenticate_staff(username: str, password: str, client: str) -> User:
    """The staff user with this username and password, for the console's session."""
    return _authenticate(username, password, client)


def _authenticate(username: str, password: str, client: str) -> User:
    """The staff user with this username and password (API and console alike), asked from
    `client` (an address). Known and unknown usernames cost the same and are counted the
    same (app.accounts.throttle): the answers and their timing do not tell them apart."""
    throttle.refuse_if_locked(username, client)
    user = db.session.scalar(select(User).where(User.username == username))
    stored = user.password_hash if user is not None and user.password_hash else None
    matches = check_password_hash(stored or _decoy_hash(), password)
    if user is None or stored is None or not matches or not user.is_active:
        throttle.count_failure(username, client)
        raise InvalidCredentials()
    throttle.forget_failures(username, client)
    user.last_login_at = utcnow()
    throttle.security_log.info("staff signed in: username=%r client=%s", username, client)
    return user


@cache
def _decoy_hash() -> str:
    return generate_password_hash("decoy-password-never-matches", method=PASSWORD_METHOD)


def _logged_in(user: User) -> dict:
    return {"token": issue_token(user.id), "user": user}


@use_case(conflict=username_taken)
def create_staff(
    username: str,
    password: str,
    community_code: str | None = None,
    street_code: str | None = None,
    display_name: str | None = None,
) -> User:
    """A staff account of one community, or (with `street_code`) a street admin."""
    _check_staff_input(username, password, community_code, street_code)
    if community_code:
        community = _by_code(Community, community_code, "社区")
        role = UserRole(role=Role.STAFF, community_id=community.id)
    else:
        assert street_code, "one of the two codes, as _check_staff_input made sure"
        street = _by_code(Street, street_code, "街道")
        role = UserRole(role=Role.STREET_ADMIN, street_id=street.id)
    return password_user(username, password, role, display_name or username)


def _check_staff_input(username, password, community_code, street_code) -> None:
    errors = credential_errors(username, password)
    if bool(community_code) == bool(street_code):
        errors["scope"] = ["必须且只能指定社区或街道之一 (give exactly one of community, street)"]
    if errors:
        raise ValidationError(details=errors)


def _by_code(model, code: str, label: str):
    obj = db.session.scalar(select(model).where(model.code == code))
    if obj is None:
        raise NotFound(f"找不到编码为 {code} 的{label} (no such {model.__name__.lower()})")
    return obj


@use_case
def unlock_staff(username: str) -> int:
    """An admin lifts the locks of a username on every address; how many were lifted."""
    lifted = throttle.unlock(username)
    throttle.security_log.warning(
        "login unlocked by an admin: username=%r locks=%d", username, lifted
    )
    return lifted
