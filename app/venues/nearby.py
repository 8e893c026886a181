"""Venues near a point (15分钟便民服务圈), nearest first, searched in a cached index of every
venue: each already dumped through VenueSchema, sorted by latitude. A search takes the
latitude band around the circle by bisection, measures each venue in it exactly, and adds the
distance; it runs no query and no schema while the venues are unchanged."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from sqlalchemy import select

from app.cache import answers, register
from app.extensions import db
from app.org.models import Community
from app.pagination import invalid_cursor, read_cursor, sign_cursor
from app.venues.models import Venue
from app.venues.schemas import VenueSchema

# Lists, details and searches near a point, each kept by its exact query: a search repeated
# from the same point (a community's centre, a page reopened) is a lookup; the oldest go.
VENUES = register("venues", [Venue, Community], keys=2048)
EARTH_RADIUS_M = 6_371_008.8
# The band only narrows the venues; the exact distance decides. A little slack keeps
# rounding at its edge from dropping a venue that is inside the circle.
_BAND_SLACK = 1.001


@dataclass(frozen=True)
class Indexed:
    latitude: float
    longitude: float
    id: int
    type: str
    community_id: int
    item: dict  # the venue as the list shows it
    # For the distance, computed once: the position in radians and the cosine of latitude.
    phi: float
    lmb: float
    cos_phi: float


def nearby_page(args: dict) -> dict:
    """Those within `radius_m` of (`lat`, `lng`) that pass the filters, nearest first (then
    by id), each with its integer `distance_m`; a page of them."""
    lat, lng, radius = args["lat"], args["lng"], args["radius_m"]
    meters_to = _distances_from(lat, lng)
    hits = sorted(
        (meters, venue.id, venue)
        for venue in _band(lat, radius)
        if _passes(venue, args) and (meters := meters_to(venue)) <= radius
    )
    query = _query_key(args)
    offset = _decode_offset(args["cursor"], query) if args.get("cursor") else 0
    page = hits[offset : offset + args["limit"]]
    end = offset + len(page)
    return {
        "items": [{**venue.item, "distance_m": round(meters)} for meters, _, venue in page],
        "next_cursor": _encode_offset(end, query) if end < len(hits) else None,
    }


def _band(lat: float, radius_m: float) -> list[Indexed]:
    index = answers().fetch(VENUES, "index", _build_index)
    half = math.degrees(radius_m / EARTH_RADIUS_M * _BAND_SLACK)
    low = bisect_left(index, lat - half, key=_latitude)
    return index[low : bisect_right(index, lat + half, key=_latitude)]


def _build_index() -> list[Indexed]:
    venues = db.session.scalars(select(Venue).order_by(Venue.latitude, Venue.id))
    schema = VenueSchema()
    return [
        Indexed(
            v.latitude,
            v.longitude,
            v.id,
            v.type,
            v.community_id,
            schema.dump(v),
            math.radians(v.latitude),
            math.radians(v.longitude),
            math.cos(math.radians(v.latitude)),
        )
        for v in venues
    ]


def _latitude(venue: Indexed) -> float:
    return venue.latitude


def _distances_from(lat: float, lng: float):
    """The great-circle (haversine) distance in meters from (lat, lng) to an indexed venue,
    with what can be computed once per search taken out of the loop. GCJ-02 is close enough to
    WGS-84 at city scale."""
    phi, lmb, cos_phi = math.radians(lat), math.radians(lng), math.cos(math.radians(lat))
    sin, sqrt, asin = math.sin, math.sqrt, math.asin

    def meters(venue: Indexed) -> float:
        h = (
            sin((venue.phi - phi) / 2) ** 2
            + cos_phi * venue.cos_phi * sin((venue.lmb - lmb) / 2) ** 2
        )
        return 2 * EARTH_RADIUS_M * asin(min(1.0, sqrt(h)))

    return meters


def _passes(venue: Indexed, args: dict) -> bool:
    return (not args.get("type") or venue.type == args["type"]) and (
        not args.get("community_id") or venue.community_id == args["community_id"]
    )


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
