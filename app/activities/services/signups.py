"""Signing up to an activity, and cancelling before its start.

A sign-up takes a place first (a conditional UPDATE of the counter), then writes its row by
an upsert that only revives a cancelled one: a user already signed up or waiting makes the
upsert write nothing, and the place taken is rolled back with ALREADY_SIGNED_UP. A full
activity is ACTIVITY_FULL unless the caller asked to wait (`waitlist`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from app.accounts.models import User
from app.activities.access import open_activity
from app.activities.models import ACTIVE, ActivitySignup, SignupStatus
from app.activities.places import SIGNUPS, fill_from_waitlist, give_back, take_place
from app.clock import utcnow
from app.db_types import upsert
from app.errors import (
    ActivityFull,
    ActivityStarted,
    AlreadySignedUp,
    NotSignedUp,
    SignupStateConflict,
)
from app.extensions import db
from app.transaction import use_case


@use_case(conflict=AlreadySignedUp)
def sign_up(actor: User, activity_id: int, waitlist: bool = False) -> ActivitySignup:
    """`signed_up`, or `waitlisted` for a full activity when `waitlist` is asked."""
    activity = open_activity(activity_id)
    now = utcnow()
    if take_place(activity.id, now):
        return _write(activity.id, actor.id, SignupStatus.SIGNED_UP, now)
    if _status(activity.id, actor.id) in ACTIVE:
        raise AlreadySignedUp()
    if activity.start_at <= now:
        raise ActivityStarted()
    if not waitlist:
        raise ActivityFull()
    return _write(activity.id, actor.id, SignupStatus.WAITLISTED, now)


@use_case
def cancel(actor: User, activity_id: int) -> ActivitySignup:
    """Cancelled before the start; a place given back goes to the first waiting. Each move
    is conditional on the status it leaves, so a sign-up promoted meanwhile gives its place
    back."""
    activity = open_activity(activity_id)
    now = utcnow()
    if activity.start_at > now:
        moved = _cancel_from(activity.id, actor.id, SignupStatus.SIGNED_UP, now)
        if moved is not None:
            give_back(activity.id)
            fill_from_waitlist(activity)
            return moved
        moved = _cancel_from(activity.id, actor.id, SignupStatus.WAITLISTED, now)
        if moved is not None:
            return moved
    if _status(activity.id, actor.id) is None:
        raise NotSignedUp()
    raise SignupStateConflict()


def _cancel_from(activity_id: int, user_id: int, status: SignupStatus, now: datetime):
    moved = db.session.execute(
        update(SIGNUPS)
        .where(
            SIGNUPS.c.activity_id == activity_id,
            SIGNUPS.c.user_id == user_id,
            SIGNUPS.c.status == status,
        )
        .values(status=SignupStatus.CANCELLED, cancelled_at=now)
        .returning(SIGNUPS.c.id)
    ).first()
    return None if moved is None else db.session.get_one(ActivitySignup, moved.id)


def _status(activity_id: int, user_id: int) -> str | None:
    return db.session.scalar(
        select(SIGNUPS.c.status).where(
            SIGNUPS.c.activity_id == activity_id, SIGNUPS.c.user_id == user_id
        )
    )


def _write(activity_id: int, user_id: int, status: SignupStatus, now: datetime):
    """The user's sign-up, new or revived from a cancelled one; AlreadySignedUp when the
    user has an active one (the upsert then writes nothing)."""
    values = {"status": status, "asked_at": now, "cancelled_at": None, "promoted_at": None}
    insert = upsert(ActivitySignup, db.engine.dialect.name).values(
        activity_id=activity_id, user_id=user_id, created_at=now, **values
    )
    revive = insert.on_conflict_do_update(
        index_elements=["activity_id", "user_id"],
        set_=values,
        where=SIGNUPS.c.status == SignupStatus.CANCELLED,
    )
    written = db.session.execute(revive.returning(SIGNUPS.c.id)).first()
    if written is None:
        raise AlreadySignedUp()
    return db.session.get_one(ActivitySignup, written.id)
