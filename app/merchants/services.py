"""Merchants: staff create and edit them and their accounts, residents confirm their
services and staff record them (便民服务积分), staff mark the 社区信得过经营户."""

from __future__ import annotations

from sqlalchemy import update
from werkzeug.security import generate_password_hash

from app.accounts.models import Role, User, UserRole
from app.accounts.passwords import (
    PASSWORD_METHOD,
    credential_errors,
    password_user,
    username_taken,
)
from app.auth.permissions import require_managed_community
from app.clock import beijing_today, utcnow
from app.errors import Conflict, NotFound, ServiceAlreadyConfirmed, ValidationError
from app.extensions import db
from app.merchants.models import Merchant, MerchantService
from app.merchants.queries import get_merchant, managed_merchant
from app.transaction import use_case

POINTS_PER_SERVICE = 1
MERCHANT_FIELDS = (
    "name",
    "category",
    "address",
    "latitude",
    "longitude",
    "phone",
    "opening_hours",
    "services",
)


def _account_conflict(*args: object, **kwargs: object) -> Conflict:
    """The username taken: the one constraint a merchant's create or edit can break."""
    data = next((a for a in args if isinstance(a, dict)), {})
    return username_taken(data.get("username") or "")


@use_case(conflict=username_taken)
def create_account(username: str, password: str, merchant_id: int) -> tuple[Merchant, User]:
    """The account (role `merchant`) of a merchant that has none: `merchant create`."""
    merchant = db.session.get(Merchant, merchant_id)
    if merchant is None:
        raise NotFound(f"找不到编号为 {merchant_id} 的商户 (no such merchant)")
    return merchant, _open_account(merchant, username, password)


@use_case(conflict=_account_conflict)
def create_merchant(actor: User, data: dict) -> Merchant:
    """A merchant of a community the staff user manages, with its account when `data` has a
    username and password."""
    require_managed_community(actor, data["community_id"])
    merchant = Merchant(
        community_id=data["community_id"], **{f: data.get(f) for f in MERCHANT_FIELDS}
    )
    db.session.add(merchant)
    db.session.flush()
    if data.get("username"):
        _open_account(merchant, data["username"], data.get("password") or "")
    return merchant


@use_case(conflict=_account_conflict)
def update_merchant(actor: User, merchant_id: int, data: dict) -> Merchant:
    """Edit a merchant; a username opens its account if it has none, a password alone sets
    the account's new password."""
    merchant = managed_merchant(actor, merchant_id)
    for field in MERCHANT_FIELDS:
        setattr(merchant, field, data.get(field))
    if merchant.account_id is None and data.get("username"):
        _open_account(merchant, data["username"], data.get("password") or "")
    elif merchant.account_id is not None and data.get("password"):
        _set_password(merchant.account_id, data["password"])
    return merchant


def _open_account(merchant: Merchant, username: str, password: str) -> User:
    errors = credential_errors(username, password)
    if errors:
        raise ValidationError(details=errors)
    role = UserRole(role=Role.MERCHANT, community_id=merchant.community_id)
    user = password_user(username, password, role, merchant.name)
    claimed = db.session.execute(
        update(Merchant)
        .where(Merchant.id == merchant.id, Merchant.account_id.is_(None))
        .values(account_id=user.id)
        .returning(Merchant.id)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if claimed is None:
        raise Conflict("该商户已有账号 (the merchant already has an account)")
    db.session.refresh(merchant)
    return user


def _set_password(user_id: int, password: str) -> None:
    errors = credential_errors("unchanged", password)
    if errors:
        raise ValidationError(details=errors)
    user = db.session.get(User, user_id)
    assert user is not None, "merchants.account_id is a foreign key"
    user.password_hash = generate_password_hash(password, method=PASSWORD_METHOD)


@use_case(conflict=ServiceAlreadyConfirmed)
def record_service(actor: User, merchant_id: int, service: str, note: str | None) -> dict:
    """A resident confirms a service the merchant did for them (once a day per merchant: the
    unique constraint settles a race), or staff of its community record one; either adds to
    the merchant's service points in the same transaction."""
    staff = actor.is_staff
    merchant = managed_merchant(actor, merchant_id) if staff else get_merchant(merchant_id)
    row = MerchantService(
        merchant_id=merchant.id,
        user_id=None if staff else actor.id,
        recorded_by=actor.id,
        service=service,
        note=note,
        points=POINTS_PER_SERVICE,
        day=beijing_today(utcnow()),
    )
    db.session.add(row)
    db.session.flush()
    total = db.session.execute(
        update(Merchant)
        .where(Merchant.id == merchant.id, Merchant.is_active)
        .values(service_points=Merchant.service_points + row.points)
        .returning(Merchant.service_points)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if total is None:
        raise NotFound("找不到该商户")
    return {
        "id": row.id,
        "merchant_id": merchant.id,
        "service": row.service,
        "note": row.note,
        "points": row.points,
        "day": row.day,
        "service_points": total,
    }


@use_case
def set_trusted(actor: User, merchant_id: int, trusted: bool) -> Merchant:
    """Mark or unmark a merchant of the staff user's community as 社区信得过经营户."""
    merchant = managed_merchant(actor, merchant_id)
    db.session.execute(
        update(Merchant)
        .where(Merchant.id == merchant.id)
        .values(trusted=trusted)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(merchant)
    return merchant
