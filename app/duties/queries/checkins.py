"""Reads of 周六报到: the liaison venue and its code, a member's reports, a week's roster."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select

from app.accounts.models import User
from app.auth.permissions import require_managed_community
from app.clock import beijing_today, utcnow
from app.duties import codes
from app.duties.models import CheckIn, LiaisonVenue
from app.extensions import db
from app.members.models import MemberProfile
from app.notifications.models import Message
from app.orders.candidates import eligible_members
from app.pagination import paginate
from app.venues.models import Venue


def venue_if_liaison(venue_id: int) -> Venue | None:
    """The venue, if it is its community's liaison venue."""
    return db.session.scalar(
        select(Venue)
        .join(LiaisonVenue, LiaisonVenue.venue_id == Venue.id)
        .where(Venue.id == venue_id)
    )


def liaison_of(community_id: int) -> Venue | None:
    return db.session.scalar(
        select(Venue)
        .join(LiaisonVenue, LiaisonVenue.venue_id == Venue.id)
        .where(LiaisonVenue.community_id == community_id)
    )


@dataclass(frozen=True)
class CodeSheet:
    """What the console prints: the venue, this week's code and the week it is good for."""

    venue: Venue
    code: str
    monday: date

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)


def code_sheet(actor: User, community_id: int) -> CodeSheet | None:
    require_managed_community(actor, community_id)
    venue = liaison_of(community_id)
    if venue is None:
        return None
    now = utcnow()
    return CodeSheet(venue, codes.issue(venue.id, now), codes.week_start(beijing_today(now)))


def my_checkins(actor: User, limit: int, cursor: str | None = None) -> dict:
    """The caller's reports, newest first."""
    return paginate(select(CheckIn).where(CheckIn.user_id == actor.id), CheckIn.id, limit, cursor)


def reminder_key(community_id: int, monday: date) -> str:
    return f"checkin-reminder:{community_id}:{monday.isoformat()}"


@dataclass(frozen=True)
class RosterRow:
    user_id: int
    name: str
    phone: str | None
    reports: int
    saturday: bool
    last_day: date | None
    reminded: bool


@dataclass(frozen=True)
class Roster:
    monday: date
    rows: list[RosterRow]

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def reported(self) -> list[RosterRow]:
        return [row for row in self.rows if row.reports]

    @property
    def absent(self) -> list[RosterRow]:
        return [row for row in self.rows if not row.reports]


def _week_counts(community_id: int, monday: date):
    return (
        select(
            CheckIn.user_id,
            func.count().label("reports"),
            func.sum(case((CheckIn.saturday.is_(True), 1), else_=0)).label("saturdays"),
            func.max(CheckIn.day).label("last_day"),
        )
        .where(
            CheckIn.community_id == community_id,
            CheckIn.day >= monday,
            CheckIn.day <= monday + timedelta(days=6),
        )
        .group_by(CheckIn.user_id)
        .subquery()
    )


def roster(actor: User, community_id: int, monday: date) -> Roster:
    """The community's members and their reports in the week from `monday`, in registration
    order, with whether this week's reminder told them: two queries, however many members."""
    require_managed_community(actor, community_id)
    counts = _week_counts(community_id, monday)
    stmt = (
        eligible_members(community_id)
        .outerjoin(counts, counts.c.user_id == MemberProfile.user_id)
        .with_only_columns(
            MemberProfile.user_id,
            MemberProfile.name,
            MemberProfile.phone,
            counts.c.reports,
            counts.c.saturdays,
            counts.c.last_day,
        )
        .order_by(MemberProfile.id)
    )
    reminded = set(
        db.session.scalars(
            select(Message.user_id).where(Message.key == reminder_key(community_id, monday))
        )
    )
    rows = [
        RosterRow(
            user_id=row.user_id,
            name=row.name,
            phone=row.phone,
            reports=row.reports or 0,
            saturday=bool(row.saturdays),
            last_day=row.last_day,
            reminded=row.user_id in reminded,
        )
        for row in db.session.execute(stmt)
    ]
    return Roster(monday, rows)


def absent_members(community_id: int, monday: date) -> list[int]:
    """The ids of the community's members with no report in the week from `monday`."""
    counts = _week_counts(community_id, monday)
    stmt = (
        eligible_members(community_id)
        .outerjoin(counts, counts.c.user_id == MemberProfile.user_id)
        .where(counts.c.user_id.is_(None))
        .with_only_columns(MemberProfile.user_id)
        .order_by(MemberProfile.id)
    )
    return list(db.session.scalars(stmt))


def this_monday(now: datetime | None = None) -> date:
    return codes.week_start(beijing_today(now or utcnow()))
