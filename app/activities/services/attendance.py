"""Check-in (签到) with the activity's code or by location, inside its window (30 minutes
before the start to the end), crediting its points to a member once; the no-shows; and the
reminders before the start. Each is one conditional UPDATE, so several workers (or a retry)
do each thing once."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from app.accounts.models import Role, User
from app.activities import rules
from app.activities.access import open_activity
from app.activities.models import Activity, ActivitySignup, SignupStatus
from app.activities.notices import remind
from app.activities.places import ACTIVITIES, SIGNUPS
from app.clock import utcnow
from app.db_types import rowcount
from app.errors import ActivityCheckinClosed, NotSignedUp, ValidationError
from app.extensions import db
from app.mall.codes import normalized
from app.points.services import credit_activity_attendance
from app.transaction import use_case


@use_case
def check_in(actor: User, activity_id: int, data: dict) -> ActivitySignup:
    """签到; again in the window is answered with the sign-up, nothing credited."""
    activity = open_activity(activity_id)
    if data.get("code") is not None:
        if not secrets.compare_digest(normalized(data["code"]), activity.checkin_code):
            raise ValidationError(details={"code": ["签到码不正确"]})
    else:
        rules.check_location(activity, data["latitude"], data["longitude"])
    signup = db.session.scalar(
        select(ActivitySignup).where(
            ActivitySignup.activity_id == activity.id, ActivitySignup.user_id == actor.id
        )
    )
    if signup is None or signup.status not in (SignupStatus.SIGNED_UP, SignupStatus.CHECKED_IN):
        raise NotSignedUp()
    now = utcnow()
    if not rules.checkin_open(activity, now):
        raise ActivityCheckinClosed()
    moved = db.session.execute(
        update(SIGNUPS)
        .where(SIGNUPS.c.id == signup.id, SIGNUPS.c.status == SignupStatus.SIGNED_UP)
        .values(status=SignupStatus.CHECKED_IN, checked_in_at=now)
        .returning(SIGNUPS.c.id)
    ).first()
    if moved is not None and activity.points > 0 and actor.role(Role.MEMBER):
        credit_activity_attendance(actor.id, activity.id, activity.points, activity.title)
    db.session.refresh(signup)
    return signup


@use_case
def mark_no_shows(now: datetime) -> int:
    """Signed up, not checked in, and the activity ended: one statement for every worker."""
    ended = select(ACTIVITIES.c.id).where(ACTIVITIES.c.end_at <= now)
    result = db.session.execute(
        update(SIGNUPS)
        .where(SIGNUPS.c.status == SignupStatus.SIGNED_UP, SIGNUPS.c.activity_id.in_(ended))
        .values(status=SignupStatus.NO_SHOW)
    )
    return rowcount(result)


@use_case
def send_reminders(now: datetime) -> int:
    """`activity_reminder` to those signed up, ACTIVITY_REMINDER_MINUTES before the start:
    each sign-up is marked reminded by the statement that picks it, so each is told once."""
    lead = timedelta(minutes=current_app.config["ACTIVITY_REMINDER_MINUTES"])
    soon = select(ACTIVITIES.c.id).where(
        ACTIVITIES.c.start_at > now, ACTIVITIES.c.start_at <= now + lead
    )
    picked = db.session.execute(
        update(SIGNUPS)
        .where(
            SIGNUPS.c.status == SignupStatus.SIGNED_UP,
            SIGNUPS.c.reminded_at.is_(None),
            SIGNUPS.c.activity_id.in_(soon),
        )
        .values(reminded_at=now)
        .returning(SIGNUPS.c.activity_id, SIGNUPS.c.user_id)
    ).all()
    by_activity: dict[int, list[int]] = {}
    for activity_id, user_id in picked:
        by_activity.setdefault(activity_id, []).append(user_id)
    told = 0
    for activity in db.session.scalars(select(Activity).where(Activity.id.in_(by_activity))):
        told += remind(activity, by_activity[activity.id])
    return told
