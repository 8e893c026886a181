"""Staff publish an activity (or a weekly series of copies, all in one transaction), change
it, and the new activity is announced to its audience through 红喇叭."""

from __future__ import annotations

import secrets

from app.accounts.models import User
from app.activities import rules
from app.activities.access import managed_activity
from app.activities.models import Activity
from app.activities.notices import announce
from app.activities.places import fill_from_waitlist
from app.auth.permissions import require_managed_community
from app.clock import utcnow
from app.errors import ValidationError
from app.extensions import db
from app.mall.codes import new_code
from app.notifications.models import Audience
from app.transaction import use_case

FIELDS = ("title", "description", "cover_url", "capacity", "points", "tags", "audience")


@use_case
def publish(actor: User, data: dict) -> Activity:
    """The activity (the first of its weekly series), each copy with its own check-in code;
    announced once to its audience unless `announce` is false."""
    community_id = data["community_id"]
    require_managed_community(actor, community_id)
    rules.check_times(data["start"], data["end"], utcnow())
    where = rules.place(community_id, data)
    weeks = data.get("repeat_weeks") or 1
    series = secrets.token_hex(8) if weeks > 1 else None
    made = [
        Activity(
            community_id=community_id,
            start_at=start,
            end_at=end,
            series_id=series,
            checkin_code=new_code(),
            created_by_id=actor.id,
            **where,
            **_fields(data),
        )
        for start, end in rules.weekly(data["start"], data["end"], weeks)
    ]
    db.session.add_all(made)
    db.session.flush()
    if data.get("announce", True):
        announcement = announce(actor, made[0], weeks)
        for activity in made:
            activity.announcement_id = announcement.id
    return made[0]


@use_case
def revise(actor: User, activity_id: int, data: dict) -> Activity:
    """Change an activity that has not ended; more places take the first waiting in."""
    activity = managed_activity(actor, activity_id)
    now = utcnow()
    if activity.end_at <= now:
        raise ValidationError(details={"end": ["活动已结束，不能再修改"]})
    start, end = data.get("start", activity.start_at), data.get("end", activity.end_at)
    if (start, end) != (activity.start_at, activity.end_at):
        rules.check_times(start, end, now)
        activity.start_at, activity.end_at = start, end
    if {"venue_id", "address", "latitude", "longitude"} & data.keys():
        for name, value in rules.place(activity.community_id, data).items():
            setattr(activity, name, value)
    if data.get("capacity", activity.capacity) < activity.signed_up:
        message = f"已有 {activity.signed_up} 人报名，名额不能少于报名人数"
        raise ValidationError(details={"capacity": [message]})
    for name, value in _fields(data).items():
        setattr(activity, name, value)
    db.session.flush()
    fill_from_waitlist(activity)
    return activity


def _fields(data: dict) -> dict:
    fields = {name: data[name] for name in FIELDS if name in data}
    if "audience" in fields:
        fields["audience"] = Audience(fields["audience"]).value
    return fields
