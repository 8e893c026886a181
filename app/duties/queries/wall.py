"""Reads of the 先锋墙: the public wall of a community (a ready answer), a member's own entry,
and every entry, hidden ones too, for the community's staff. Each entry carries its member's
deeds: the orders they completed and the points they earned this (Beijing) year."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.accounts.models import User
from app.auth.permissions import require_managed_community
from app.cache import register
from app.clock import beijing_today, day_start, utcnow
from app.duties.models import WallEntry
from app.errors import NotFound
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.orders.models import Order
from app.orders.vocabulary import FINISHED
from app.org.models import Community
from app.pagination import paginate
from app.points.models import PointsEntry, PointsReason

# The public wall, kept until an entry, a member, an order or a points entry changes, and at
# most an hour (so "this year" turns with the year).
WALL = register("wall", [WallEntry, MemberProfile, Order, PointsEntry, Community], period=3600)


def own_entry(actor: User) -> WallEntry:
    entry = db.session.scalar(select(WallEntry).where(WallEntry.user_id == actor.id))
    if entry is None:
        raise NotFound("您还没有登上先锋墙")
    return entry


def _entries(community_id: int):
    return (
        select(
            WallEntry.id,
            WallEntry.user_id,
            MemberProfile.name,
            WallEntry.photo_url,
            WallEntry.commitment,
            WallEntry.hidden,
        )
        .join(MemberProfile, MemberProfile.user_id == WallEntry.user_id)
        .where(WallEntry.community_id == community_id)
    )


def public_wall(community_id: int, limit: int, cursor: str | None = None) -> dict:
    """The community's shown entries of its approved members, first come first: three
    queries per page."""
    if db.session.get(Community, community_id) is None:
        raise NotFound("找不到该社区")
    stmt = _entries(community_id).where(
        WallEntry.hidden.is_(False),
        MemberProfile.community_id == community_id,
        MemberProfile.status == RegistrationStatus.APPROVED,
    )
    page = paginate(stmt, WallEntry.id, limit, cursor, oldest_first=True, rows=True)
    return {"items": with_deeds(page["items"]), "next_cursor": page["next_cursor"]}


def community_wall(actor: User, community_id: int, limit: int, cursor: str | None = None) -> dict:
    """Every entry of a community the actor manages, hidden ones too, newest first."""
    require_managed_community(actor, community_id)
    page = paginate(_entries(community_id), WallEntry.id, limit, cursor, rows=True)
    return {"items": with_deeds(page["items"]), "next_cursor": page["next_cursor"]}


def staff_entry(entry: WallEntry) -> dict:
    """One entry as its community's staff see it, with its member's deeds."""
    rows = db.session.execute(_entries(entry.community_id).where(WallEntry.id == entry.id)).all()
    return with_deeds(rows)[0]


def with_deeds(rows) -> list[dict]:
    ids = [row.user_id for row in rows]
    orders = dict(
        db.session.execute(
            select(Order.member_id, func.count())
            .where(Order.member_id.in_(ids), Order.status.in_(FINISHED))
            .group_by(Order.member_id)
        ).all()
    )
    year_start = day_start(date(beijing_today(utcnow()).year, 1, 1))
    points = dict(
        db.session.execute(
            select(PointsEntry.member_id, func.sum(PointsEntry.delta))
            .where(
                PointsEntry.member_id.in_(ids),
                PointsEntry.delta > 0,
                PointsEntry.reason != PointsReason.REDEMPTION_REFUND,
                PointsEntry.created_at >= year_start,
            )
            .group_by(PointsEntry.member_id)
        ).all()
    )
    return [
        {
            **row._asdict(),
            "deeds": {
                "orders_completed": orders.get(row.user_id, 0),
                "points_this_year": int(points.get(row.user_id) or 0),
            },
        }
        for row in rows
    ]
