"""A search near a point in an index of places (venues, merchants), each already dumped as
the list shows it, sorted by latitude. A search takes the latitude band around the circle by
bisection, measures each place in it exactly, and adds the distance; it runs no query and no
schema. The caller keeps the index in its cache (app.cache) while its table is unchanged."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.pagination import invalid_cursor, read_cursor, sign_cursor

EARTH_RADIUS_M = 6_371_008.8
# The band only narrows the places; the exact distance decides. A little slack keeps
# rounding at its edge from dropping a place that is inside the circle.
_BAND_SLACK = 1.001


@dataclass(frozen=True)
class Indexed:
    latitude: float
    longitude: float
    id: int
    facts: dict  # what the filters look at, by argument name
    item: dict  # the place as the list shows it
    # For the distance, computed once: the position in radians and the cosine of latitude.
    phi: float
    lmb: float
    cos_phi: float


@dataclass(frozen=True)
class Search:
    """How one kind of place is searched: the filter arguments (each compared with the
    place's attribute of the same name) and the salt of its cursors."""

    filters: tuple[str, ...]
    cursor_salt: str


def build_index(places: Iterable[Any], dump: Callable[[Any], dict], search: Search) -> list:
    """The index of `places` (ORM rows with latitude, longitude, id), read in latitude order."""
    return [
        Indexed(
            p.latitude,
            p.longitude,
            p.id,
            {name: getattr(p, name) for name in search.filters},
            dump(p),
            math.radians(p.latitude),
            math.radians(p.longitude),
            math.cos(math.radians(p.latitude)),
        )
        for p in places
    ]


def nearby_page(index: Sequence[Indexed], args: dict, search: Search) -> dict:
    """Those within `radius_m` of (`lat`, `lng`) that pass the filters, nearest first (then
    by id), each with its integer `distance_m`; a page of them."""
    lat, lng, radius = args["lat"], args["lng"], args["radius_m"]
    meters_to = _distances_from(lat, lng)
    wanted = {name: args[name] for name in search.filters if args.get(name)}
    hits = sorted(
        (meters, place.id, place)
        for place in _band(index, lat, radius)
        if all(place.facts[name] == value for name, value in wanted.items())
        and (meters := meters_to(place)) <= radius
    )
    query = [lat, lng, radius, *(args.get(name) for name in search.filters)]
    offset = _decode_offset(args["cursor"], query, search) if args.get("cursor") else 0
    page = hits[offset : offset + args["limit"]]
    end = offset + len(page)
    return {
        "items": [{**place.item, "distance_m": round(meters)} for meters, _, place in page],
        "next_cursor": _encode_offset(end, query, search) if end < len(hits) else None,
    }


def _band(index: Sequence[Indexed], lat: float, radius_m: float) -> Sequence[Indexed]:
    half = math.degrees(radius_m / EARTH_RADIUS_M * _BAND_SLACK)
    low = bisect_left(index, lat - half, key=_latitude)
    return index[low : bisect_right(index, lat + half, key=_latitude)]


def _latitude(place: Indexed) -> float:
    return place.latitude


def _distances_from(lat: float, lng: float):
    """The great-circle (haversine) distance in meters from (lat, lng) to an indexed place,
    with what can be computed once per search taken out of the loop. GCJ-02 is close enough to
    WGS-84 at city scale."""
    phi, lmb, cos_phi = math.radians(lat), math.radians(lng), math.cos(math.radians(lat))
    sin, sqrt, asin = math.sin, math.sqrt, math.asin

    def meters(place: Indexed) -> float:
        h = (
            sin((place.phi - phi) / 2) ** 2
            + cos_phi * place.cos_phi * sin((place.lmb - lmb) / 2) ** 2
        )
        return 2 * EARTH_RADIUS_M * asin(min(1.0, sqrt(h)))

    return meters


# A nearby page is an offset into the ranked list; the cursor carries the search it belongs
# to, so it cannot be replayed against another point, radius or filter.
def _encode_offset(offset: int, query: list, search: Search) -> str:
    return sign_cursor({"o": offset, "q": query}, search.cursor_salt)


def _decode_offset(cursor: str, query: list, search: Search) -> int:
    payload = read_cursor(cursor, search.cursor_salt)
    offset = payload.get("o") if isinstance(payload, dict) else None
    if (
        not isinstance(payload, dict)
        or not isinstance(offset, int)
        or offset < 0
        or payload.get("q") != query
    ):
        raise invalid_cursor()
    return offset


def distance_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """The great-circle distance in meters between two points (GCJ-02, as above)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))
