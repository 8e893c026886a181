"""Member registration (报到): a resident applies to a community, its staff approve or reject.

Every state change is one conditional UPDATE whose row count settles races; the unique
`user_id` of `MemberProfile` keeps one registration per user."""

from __future__ import annotations

from typing import cast

from sqlalchemy import CursorResult, update

from app.accounts.models import Role, User, UserRole
from app.clock import utcnow
from app.errors import (
    AlreadyMember,
    RegistrationExists,
    RegistrationStateConflict,
    ValidationError,
)
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.members.queries import get_registration, own_registration
from app.org.models import Community
from app.transaction import use_case
from app.units.queries import managed_unit, paired_unit


@use_case(conflict=RegistrationExists)
def register(actor: User, data: dict) -> MemberProfile:
    """Submit the actor's registration, or resubmit it in place after a rejection."""
    if db.session.get(Community, data["community_id"]) is None:
        raise ValidationError(details={"community_id": ["社区不存在"]})
    if data.get("unit_id") is not None:
        data = {**data, "unit_name": paired_unit(data["unit_id"], data["community_id"]).name}
    values = {
        **data,
        "status": RegistrationStatus.PENDING,
        "reject_reason": None,
        "reviewed_by_id": None,
        "reviewed_at": None,
    }
    stmt = (
        update(MemberProfile)
        .where(
            MemberProfile.user_id == actor.id, MemberProfile.status == RegistrationStatus.REJECTED
        )
        .values(**values)
    )
    # Session.execute is typed as returning a Result; for an UPDATE it is a CursorResult.
    resubmitted = cast(CursorResult, db.session.execute(stmt)).rowcount
    if not resubmitted:
        # A pending or approved registration (even one committed a moment ago by a
        # concurrent call) makes this insert violate the unique user_id.
        db.session.add(MemberProfile(user_id=actor.id, **values))
        db.session.flush()
    return own_registration(actor)


@use_case(conflict=AlreadyMember)
def approve(actor: User, registration_id: int) -> MemberProfile:
    """Approve a pending registration; its user becomes a member of its community."""
    registration = get_registration(actor, registration_id)
    _review(registration, actor, RegistrationStatus.APPROVED)
    # The user already holding a member role is the only way left to break the unique key.
    db.session.add(
        UserRole(
            user_id=registration.user_id, role=Role.MEMBER, community_id=registration.community_id
        )
    )
    db.session.flush()
    return registration


@use_case
def reject(actor: User, registration_id: int, reason: str) -> MemberProfile:
    registration = get_registration(actor, registration_id)
    _review(registration, actor, RegistrationStatus.REJECTED, reject_reason=reason)
    return registration


@use_case
def bind_unit(actor: User, registration_id: int, unit_id: int | None) -> MemberProfile:
    """Bind a registration to a unit paired with its community (None: unbind). A unit out of
    the actor's reach is 404; one in reach but not paired with the member's community, 422."""
    registration = get_registration(actor, registration_id)
    if unit_id is not None:
        managed_unit(actor, unit_id)
        unit = paired_unit(unit_id, registration.community_id)
        registration.unit_name = unit.name
    registration.unit_id = unit_id
    db.session.flush()
    return registration


def _review(registration: MemberProfile, actor: User, status: RegistrationStatus, **values) -> None:
    """Move a pending registration to `status`; a concurrent or repeated review loses."""
    stmt = (
        update(MemberProfile)
        .where(
            MemberProfile.id == registration.id, MemberProfile.status == RegistrationStatus.PENDING
        )
        .values(status=status, reviewed_by_id=actor.id, reviewed_at=utcnow(), **values)
    )
    # Session.execute is typed as returning a Result; for an UPDATE it is a CursorResult.
    moved = cast(CursorResult, db.session.execute(stmt)).rowcount
    if moved != 1:
        raise RegistrationStateConflict()
