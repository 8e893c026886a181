"""Who reaches an activity: any signed-in user sees, signs up to and checks in to the
activities of any community; staff of its community (the street admin of its street)
manage it. Out of reach is NOT_FOUND, never FORBIDDEN."""

from __future__ import annotations

from app.accounts.models import User
from app.activities.models import Activity
from app.auth.permissions import managed_community_ids
from app.errors import NotFound
from app.extensions import db
from app.org.models import Community


def open_activity(activity_id: int) -> Activity:
    activity = db.session.get(Activity, activity_id)
    if activity is None:
        raise NotFound("找不到该活动")
    return activity


def managed_activity(actor: User, activity_id: int) -> Activity:
    activity = db.session.get(Activity, activity_id)
    if activity is None or activity.community_id not in managed_community_ids(actor):
        raise NotFound("找不到该活动")
    return activity


def require_community(community_id: int) -> None:
    """A community any signed-in user may look at: one that exists."""
    if db.session.get(Community, community_id) is None:
        raise NotFound("找不到该社区")
