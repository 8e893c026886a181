"""Venues near a point (15分钟便民服务圈), nearest first, searched in a cached index of every
shown venue (app.geo.nearby): it runs no query and no schema while the venues are unchanged
and the minute lasts (the items tell `open_now`)."""

from __future__ import annotations

from sqlalchemy import select

from app.cache import answers, register
from app.extensions import db
from app.geo import nearby
from app.geo.nearby import EARTH_RADIUS_M
from app.org.models import Community
from app.venues.models import Venue
from app.venues.rooms import VenueRoom
from app.venues.schemas import VenueSchema

__all__ = ["EARTH_RADIUS_M", "VENUES", "nearby_page"]

# Lists, details and searches near a point, each kept by its exact query: a search repeated
# from the same point (a community's centre, a page reopened) is a lookup; the oldest go.
# They tell `open_now`, so each is built again once its minute has passed.
VENUES = register("venues", [Venue, Community, VenueRoom], keys=2048, period=60)
SEARCH = nearby.Search(filters=("type", "community_id"), cursor_salt="venue-nearby-cursor-v1")


def nearby_page(args: dict) -> dict:
    """Those within `radius_m` of (`lat`, `lng`) that pass the filters, nearest first (then
    by id), each with its integer `distance_m`; a page of them."""
    return nearby.nearby_page(answers().fetch(VENUES, "index", _build_index), args, SEARCH)


def _build_index() -> list[nearby.Indexed]:
    venues = db.session.scalars(
        select(Venue).where(Venue.hidden.is_(False)).order_by(Venue.latitude, Venue.id)
    )
    return nearby.build_index(venues, VenueSchema().dump, SEARCH)
