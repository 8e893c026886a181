"""An activity's places: taken and given back by conditional UPDATEs of its counter, so
however many sign-ups race, `signed_up` never passes `capacity` (a check constraint says so
too). A freed place goes to the first waiting, in the same transaction."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, select, update

from app.activities.models import Activity, ActivitySignup, SignupStatus
from app.activities.notices import tell_promoted
from app.clock import utcnow
from app.extensions import db

ACTIVITIES = cast(Table, Activity.__table__)
SIGNUPS = cast(Table, ActivitySignup.__table__)


def take_place(activity_id: int, now: datetime) -> bool:
    """One place of an activity that has not started, if one is free."""
    taken = db.session.execute(
        update(ACTIVITIES)
        .where(
            ACTIVITIES.c.id == activity_id,
            ACTIVITIES.c.signed_up < ACTIVITIES.c.capacity,
            ACTIVITIES.c.start_at > now,
        )
        .values(signed_up=ACTIVITIES.c.signed_up + 1)
        .returning(ACTIVITIES.c.id)
    ).first()
    return taken is not None


def give_back(activity_id: int) -> None:
    db.session.execute(
        update(ACTIVITIES)
        .where(ACTIVITIES.c.id == activity_id)
        .values(signed_up=ACTIVITIES.c.signed_up - 1)
    )


def fill_from_waitlist(activity: Activity) -> list[int]:
    """The first waiting take the free places, oldest request first, and are told. A
    waiting sign-up another transaction is promoting is skipped (PostgreSQL's SKIP
    LOCKED), so two cancellations at once promote two people. Returns their user ids."""
    now = utcnow()
    promoted: list[int] = []
    while take_place(activity.id, now):
        first = db.session.execute(
            select(SIGNUPS.c.id, SIGNUPS.c.user_id)
            .where(
                SIGNUPS.c.activity_id == activity.id,
                SIGNUPS.c.status == SignupStatus.WAITLISTED,
            )
            .order_by(SIGNUPS.c.asked_at, SIGNUPS.c.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        ).first()
        user_id = first.user_id if first is not None and _promote(first.id, now) else None
        if user_id is None:
            give_back(activity.id)
            break
        promoted.append(user_id)
    if promoted:
        tell_promoted(activity, promoted)
    db.session.refresh(activity)
    return promoted


def _promote(signup_id: int, now: datetime) -> bool:
    moved = db.session.execute(
        update(SIGNUPS)
        .where(SIGNUPS.c.id == signup_id, SIGNUPS.c.status == SignupStatus.WAITLISTED)
        .values(status=SignupStatus.SIGNED_UP, promoted_at=now)
        .returning(SIGNUPS.c.id)
    ).first()
    return moved is not None
