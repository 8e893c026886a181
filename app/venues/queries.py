"""Venues: the shown ones in id order, one shown venue, and those of a staff user's scope
(hidden ones too). The search near a point is `nearby`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.accounts.models import User
from app.auth.permissions import managed_community_ids, scope_community_ids
from app.errors import NotFound
from app.extensions import db
from app.pagination import paginate
from app.venues.models import Venue


def get_venue(venue_id: int) -> Venue:
    """A venue residents may see: a hidden one is not found."""
    venue = db.session.get(Venue, venue_id)
    if venue is None or venue.hidden:
        raise NotFound("找不到该场所")
    return venue


def list_venues(args: dict) -> dict:
    """Every shown venue that passes the filters, in id order, one page."""
    stmt = select(Venue).where(Venue.hidden.is_(False))
    if args.get("type"):
        stmt = stmt.where(Venue.type == args["type"])
    if args.get("community_id"):
        stmt = stmt.where(Venue.community_id == args["community_id"])
    return paginate(stmt, Venue.id, args["limit"], args.get("cursor"), oldest_first=True)


def managed_venue(actor: User, venue_id: int) -> Venue:
    """A venue of a community the staff user manages, hidden or not; any other is not found."""
    venue = db.session.get(Venue, venue_id)
    if venue is None or venue.community_id not in managed_community_ids(actor):
        raise NotFound("找不到该场所")
    return venue


def staff_venues(actor: User, args: dict) -> dict:
    """The venues of the user's scope (or of the one community picked), hidden ones too, in
    id order, with their communities and rooms (two more queries, whatever the page size)."""
    stmt = (
        select(Venue)
        .where(Venue.community_id.in_(scope_community_ids(actor, args.get("community_id"))))
        .options(selectinload(Venue.community), selectinload(Venue.rooms))
    )
    return paginate(stmt, Venue.id, args["limit"], args.get("cursor"), oldest_first=True)
