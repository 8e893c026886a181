"""The distance between two points, for a check that one is near the other (a member at the
venue where they report). GCJ-02 is close enough to WGS-84 at city scale."""

from __future__ import annotations

import math

from app.geo.nearby import EARTH_RADIUS_M


def distance_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """The great-circle (haversine) distance in meters."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))
