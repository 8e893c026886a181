"""Writing an announcement: the row, and one inbox message (and delivery) per recipient, in
one transaction."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.announcements import audience
from app.auth.permissions import require_managed_community
from app.clock import utcnow
from app.extensions import db
from app.notifications.models import Announcement, Audience
from app.notifications.outbox import post
from app.notifications.templates import Event
from app.org.models import Community
from app.transaction import use_case

PAGE = "pages/messages/index?announcement_id={id}"


@use_case
def announce(actor: User, data: dict) -> Announcement:
    """Write to the community's residents, members or all; staff of the community or the
    admin of its street. The recipients are counted as the messages are written."""
    return write_announcement(actor, data)


def write_announcement(actor: User, data: dict) -> Announcement:
    """The announcement and its messages, in the caller's transaction (a new activity's is
    written with the activity, app.activities.notices)."""
    community_id = data["community_id"]
    require_managed_community(actor, community_id)
    community_name = db.session.scalar(select(Community.name).where(Community.id == community_id))
    now = utcnow()
    announcement = Announcement(
        community_id=community_id,
        author_id=actor.id,
        title=data["title"],
        body=data["body"],
        audience=data["audience"],
        created_at=now,
    )
    db.session.add(announcement)
    db.session.flush()
    user_ids = db.session.scalars(audience.recipients(Audience(data["audience"]), community_id))
    announcement.recipients = post(
        user_ids,
        Event.ANNOUNCEMENT,
        key=f"announcement:{announcement.id}",
        title=announcement.title,
        body=announcement.body,
        page=PAGE.format(id=announcement.id),
        community_id=community_id,
        announcement_id=announcement.id,
        fields={"thing1": announcement.title, "thing2": community_name or "", "time3": now},
    )
    return announcement
