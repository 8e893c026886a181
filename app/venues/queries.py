"""Venues: every venue, or those near a point (15分钟便民服务圈), nearest first."""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import Select, select

from app.errors import NotFound
from app.extensions import db
from app.pagination import invalid_cursor, paginate, read_cursor, sign_cursor
from app.venues.models import Venue

EARTH_RADIUS_M = 6_371_008.8
# The SQL box only narrows the rows; the exact distance decides. A little slack keeps
# rounding at the box's edge from dropping a venue that is inside the circle.
_BOX_SLACK = 1.001


@dataclass(frozen=True)
class NearbyVenue:
    """A venue found by a search, with its distance; reads like the venue itself."""

    venue: Venue
    distance_m: int

    def __getattr__(self, name):
        return getattr(self.venue, name)


def get_venue(venue_id: int) -> Venue:
    venue = db.session.get(Venue, venue_id)
    if venue is None:
        raise NotFound("找不到该场所")
    return venue


def list_venues(args: dict) -> dict:
    """Without `lat`/`lng`: every venue in id order. With them: those within `radius_m`,
    nearest first, each with its integer `distance_m`."""
    stmt = select(Venue)
    if args.get("type"):
        stmt = stmt.where(Venue.type == args["type"])
    if args.get("community_id"):
        stmt = stmt.where(Venue.community_id == args["community_id"])
    if "lat" in args:
        return _nearby_page(stmt, args)
    return paginate(stmt, Venue.id, args["limit"], args.get("cursor"), oldest_first=True)


def _nearby_page(stmt: Select, args: dict) -> dict:
    lat, lng, radius = args["lat"], args["lng"], args["radius_m"]
    stmt = _within_box(stmt, lat, lng, radius)
    hits = []
    for venue in db.session.scalars(stmt):
        meters = haversine_m(lat, lng, venue.latitude, venue.longitude)
        if meters <= radius:
            hits.append((meters, venue.id, venue))
    hits.sort(key=lambda hit: hit[:2])
    query = _query_key(args)
    offset = _decode_offset(args["cursor"], query) if args.get("cursor") else 0
    page = hits[offset : offset + args["limit"]]
    end = offset + len(page)
    return {
        "items": [NearbyVenue(venue, round(meters)) for meters, _, venue in page],
        "next_cursor": _encode_offset(end, query) if end < len(hits) else None,
    }


def _within_box(stmt: Select, lat: float, lng: float, radius_m: float) -> Select:
    """Narrow to the latitude/longitude box around the circle (uses ix_venues_lat_lng)."""
    angle = radius_m / EARTH_RADIUS_M * _BOX_SLACK
    dlat = math.degrees(angle)
    stmt = stmt.where(Venue.latitude.between(lat - dlat, lat + dlat))
    if abs(lat) + dlat >= 90:  # the circle holds a pole: every longitude
        return stmt
    dlng = math.degrees(math.asin(min(1.0, math.sin(angle) / math.cos(math.radians(lat)))))
    if lng - dlng < -180 or lng + dlng > 180:  # crosses the antimeridian: keep it simple
        return stmt
    return stmt.where(Venue.longitude.between(lng - dlng, lng + dlng))


def haversine_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance in meters (GCJ-02 is close enough to WGS-84 at city scale)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lng2 - lng1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


# A nearby page is an offset into the ranked list; the cursor carries the search it belongs
# to, so it cannot be replayed against another point, radius or filter.
NEARBY_CURSOR = "venue-nearby-cursor-v1"


def _query_key(args: dict) -> list:
    return [args["lat"], args["lng"], args["radius_m"], args.get("type"), args.get("community_id")]


def _encode_offset(offset: int, query: list) -> str:
    return sign_cursor({"o": offset, "q": query}, NEARBY_CURSOR)


def _decode_offset(cursor: str, query: list) -> int:
    payload = read_cursor(cursor, NEARBY_CURSOR)
    offset = payload.get("o") if isinstance(payload, dict) else None
    if (
        not isinstance(payload, dict)
        or not isinstance(offset, int)
        or offset < 0
        or payload.get("q") != query
    ):
        raise invalid_cursor()
    return offset
