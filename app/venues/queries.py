"""Venues: every venue in id order, one venue. The search near a point is `nearby`."""

from __future__ import annotations

from sqlalchemy import select

from app.errors import NotFound
from app.extensions import db
from app.pagination import paginate
from app.venues.models import Venue


def get_venue(venue_id: int) -> Venue:
    venue = db.session.get(Venue, venue_id)
    if venue is None:
        raise NotFound("找不到该场所")
    return venue


def list_venues(args: dict) -> dict:
    """Every venue that passes the filters, in id order, one page."""
    stmt = select(Venue)
    if args.get("type"):
        stmt = stmt.where(Venue.type == args["type"])
    if args.get("community_id"):
        stmt = stmt.where(Venue.community_id == args["community_id"])
    return paginate(stmt, Venue.id, args["limit"], args.get("cursor"), oldest_first=True)
