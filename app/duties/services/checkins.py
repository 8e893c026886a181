"""周六报到: staff choose the community's liaison venue; a member reports there by scanning its
code within its radius; staff remind those who have not reported this week."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import require_managed_community
from app.clock import beijing_today, utcnow
from app.db_types import upsert
from app.duties import codes
from app.duties.models import CheckIn, LiaisonVenue
from app.duties.queries.checkins import (
    absent_members,
    liaison_of,
    reminder_key,
    this_monday,
    venue_if_liaison,
)
from app.errors import Conflict, NotCommunityMember, ValidationError
from app.extensions import db
from app.geo.distance import distance_m
from app.notifications import outbox
from app.notifications.templates import Event
from app.orders.candidates import candidate_name
from app.transaction import use_case
from app.venues.models import Venue

SATURDAY = 5


@use_case
def choose_liaison_venue(actor: User, community_id: int, venue_id: int) -> LiaisonVenue:
    """Make the venue its community's 报到点 (in place of the one before, if any)."""
    require_managed_community(actor, community_id)
    venue = db.session.get(Venue, venue_id)
    if venue is None or venue.community_id != community_id:
        raise ValidationError(details={"venue_id": ["请选择本社区的场所作为报到点"]})
    row: dict[str, object] = {"community_id": venue.community_id, "venue_id": venue.id}
    row |= {"chosen_by_id": actor.id, "chosen_at": utcnow()}
    insert = upsert(LiaisonVenue, db.session.get_bind().dialect.name).values(**row)
    db.session.execute(
        insert.on_conflict_do_update(
            index_elements=["community_id"],
            set_={key: insert.excluded[key] for key in ("venue_id", "chosen_by_id", "chosen_at")},
        )
    )
    return db.session.get_one(LiaisonVenue, venue.community_id, populate_existing=True)


@use_case
def report(actor: User, code: str, latitude: float, longitude: float) -> tuple[CheckIn, bool]:
    """The member's report today (Beijing), and whether it is new: a second scan the same day
    answers the first. Refused: a forged or old code, a place outside the radius (422); a
    caller who is not an approved member of the venue's community (409)."""
    now = utcnow()
    venue = _venue_of(codes.venue_id_of(code, now))
    meters = distance_m(latitude, longitude, venue.latitude, venue.longitude)
    radius = current_app.config["CHECKIN_RADIUS_M"]
    if meters > radius:
        message = f"您距离报到点“{venue.name}”约 {meters:.0f} 米，请到 {radius} 米以内再扫码报到"
        raise ValidationError(message, details={"latitude": [message], "longitude": [message]})
    if candidate_name(actor.id, venue.community_id) is None:
        raise NotCommunityMember()
    day = beijing_today(now)
    row: dict[str, object] = {"user_id": actor.id, "community_id": venue.community_id}
    row |= {"venue_id": venue.id}
    row |= {"day": day, "saturday": day.weekday() == SATURDAY, "distance_m": round(meters)}
    row |= {"created_at": now}
    insert = upsert(CheckIn, db.session.get_bind().dialect.name).values(**row)
    new = db.session.execute(
        insert.on_conflict_do_nothing(index_elements=["user_id", "day"]).returning(CheckIn.id)
    ).scalar()
    checkin = db.session.scalars(
        select(CheckIn)
        .where(CheckIn.user_id == actor.id, CheckIn.day == day)
        .execution_options(populate_existing=True)
    ).one()
    return checkin, new is not None


def _venue_of(venue_id: int) -> Venue:
    """The venue of a code, while it is still its community's liaison venue."""
    venue = venue_if_liaison(venue_id)
    if venue is None:
        message = "该报到码已停用，请扫描社区报到点现在张贴的二维码"
        raise ValidationError(message, details={"code": [message]})
    return venue


@use_case
def remind_absent(actor: User, community_id: int) -> int:
    """Tell the community's members who have not reported this week to report on Saturday;
    once a week each (the message key). Returns how many were told now."""
    require_managed_community(actor, community_id)
    venue = liaison_of(community_id)
    if venue is None:
        raise Conflict("请先选择社区的报到点，再提醒党员报到")
    monday = this_monday()
    saturday = monday + timedelta(days=SATURDAY)
    return outbox.post(
        absent_members(community_id, monday),
        Event.CHECKIN_REMINDER,
        key=reminder_key(community_id, monday),
        title="周六报到提醒",
        body=f"本周您还没有报到，请于 {saturday:%m月%d日}（周六）到“{venue.name}”扫码报到。",
        page="pages/checkins/index",
        fields={
            "thing1": venue.name,
            "thing2": f"{saturday:%m月%d日}周六",
            "thing3": "本周尚未报到",
        },
        community_id=community_id,
    )
