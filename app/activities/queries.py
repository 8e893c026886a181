"""Reads of the activities: those not yet ended (soonest first), one activity with the
caller's sign-up, the caller's sign-ups, staff's lists, an activity's sign-ups and its
attendance numbers, and the check-in code's QR image. Each runs a fixed number of queries."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

import segno
from sqlalchemy import Select, and_, func, or_, select

from app.accounts.models import User
from app.activities.access import managed_activity, open_activity, require_community
from app.activities.models import Activity, ActivitySignup, SignupStatus
from app.auth.permissions import managed_community_ids
from app.clock import utcnow
from app.counting import counts_by
from app.errors import NotFound
from app.extensions import db
from app.pagination import invalid_cursor, paginate, read_cursor, sign_cursor

SOONEST = "activities-soonest-v1"
TABS = ("upcoming", "ongoing", "ended")


def upcoming(limit: int, cursor: str | None = None, community_id: int | None = None) -> dict:
    """Activities not yet ended, soonest first (by start, then id)."""
    stmt = select(Activity).where(Activity.end_at > utcnow())
    if community_id is not None:
        require_community(community_id)
        stmt = stmt.where(Activity.community_id == community_id)
    return soonest_first(stmt, limit, cursor)


def soonest_first(stmt: Select, limit: int, cursor: str | None) -> dict:
    if cursor:
        start, last_id = _position(cursor)
        stmt = stmt.where(
            or_(Activity.start_at > start, and_(Activity.start_at == start, Activity.id > last_id))
        )
    found = list(db.session.scalars(stmt.order_by(Activity.start_at, Activity.id).limit(limit + 1)))
    items = found[:limit]
    next_cursor = None
    if len(found) > limit:
        next_cursor = sign_cursor([items[-1].start_at.isoformat(), items[-1].id], SOONEST)
    return {"items": items, "next_cursor": next_cursor}


def _position(cursor: str) -> tuple[datetime, int]:
    value = read_cursor(cursor, SOONEST)
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], int)):
        raise invalid_cursor()
    return datetime.fromisoformat(value[0]), value[1]


def activity_for(actor: User, activity_id: int) -> Activity:
    """The activity, with the caller's sign-up status as `my_status` (None if none)."""
    activity = open_activity(activity_id)
    activity.my_status = db.session.scalar(  # type: ignore[attr-defined]
        select(ActivitySignup.status).where(
            ActivitySignup.activity_id == activity.id, ActivitySignup.user_id == actor.id
        )
    )
    return activity


def my_signups(actor: User, limit: int, cursor: str | None = None) -> dict:
    stmt = select(ActivitySignup).where(ActivitySignup.user_id == actor.id)
    return paginate(stmt, ActivitySignup.id, limit, cursor)


def staff_activities(
    actor: User,
    limit: int,
    cursor: str | None = None,
    tab: str | None = None,
    community_id: int | None = None,
) -> dict:
    """The actor's communities' activities; `tab`: upcoming, ongoing or ended (newest
    first), else all newest first. A `community_id` outside them is 404."""
    scope = managed_community_ids(actor)
    if community_id is not None:
        if community_id not in scope:
            raise NotFound()
        scope = {community_id}
    stmt = select(Activity).where(Activity.community_id.in_(scope))
    now = utcnow()
    if tab == "upcoming":
        return soonest_first(stmt.where(Activity.start_at > now), limit, cursor)
    if tab == "ongoing":
        stmt = stmt.where(Activity.start_at <= now, Activity.end_at > now)
    elif tab == "ended":
        stmt = stmt.where(Activity.end_at <= now)
    return paginate(stmt, Activity.id, limit, cursor)


def signups_of(actor: User, activity_id: int) -> tuple[Activity, list[tuple]]:
    """The activity and every sign-up of it with its user's name and phone, in the order
    they asked: (signup, name, phone) rows. Two queries."""
    activity = managed_activity(actor, activity_id)
    rows = db.session.execute(
        select(ActivitySignup, User.shown_name, User.phone)
        .join(User, User.id == ActivitySignup.user_id)
        .where(ActivitySignup.activity_id == activity.id)
        .order_by(ActivitySignup.asked_at, ActivitySignup.id)
    ).all()
    return activity, [tuple(row) for row in rows]


@dataclass(frozen=True)
class Attendance:
    signed_up: int  # holding a place: signed up, checked in, no-shows
    checked_in: int
    no_shows: int
    waitlisted: int

    @property
    def rate(self) -> float | None:
        """Checked in over places taken; None when nobody signed up."""
        return round(self.checked_in / self.signed_up, 4) if self.signed_up else None


def attendance(signups: list[tuple]) -> Attendance:
    counts: dict[str, int] = {}
    for signup, *_ in signups:
        counts[signup.status] = counts.get(signup.status, 0) + 1
    checked_in = counts.get(SignupStatus.CHECKED_IN, 0)
    no_shows = counts.get(SignupStatus.NO_SHOW, 0)
    return Attendance(
        signed_up=counts.get(SignupStatus.SIGNED_UP, 0) + checked_in + no_shows,
        checked_in=checked_in,
        no_shows=no_shows,
        waitlisted=counts.get(SignupStatus.WAITLISTED, 0),
    )


def checkin_counts(activity_ids: list[int]) -> dict[int, int]:
    """Checked in per activity, for a list page: one query."""
    rows = db.session.execute(
        select(ActivitySignup.activity_id, func.count())
        .where(
            ActivitySignup.activity_id.in_(activity_ids),
            ActivitySignup.status == SignupStatus.CHECKED_IN,
        )
        .group_by(ActivitySignup.activity_id)
    )
    return {int(row[0]): int(row[1]) for row in rows}


def checkin_qr_png(actor: User, activity_id: int) -> bytes:
    """The PNG of the activity's check-in code, for staff to show or print."""
    activity = managed_activity(actor, activity_id)
    out = io.BytesIO()
    segno.make(activity.checkin_code, error="m").save(out, kind="png", scale=10, border=2)
    return out.getvalue()


def counts(user_ids: set[int], start: datetime, end: datetime) -> dict[int, int]:
    """How many activities each of `user_ids` checked in to in [start, end): one query."""
    return counts_by(
        ActivitySignup.user_id,
        ActivitySignup.checked_in_at,
        user_ids,
        start,
        end,
        narrowed=select(ActivitySignup.user_id).where(
            ActivitySignup.status == SignupStatus.CHECKED_IN
        ),
    )
