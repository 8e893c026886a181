"""Venues kept by staff of their community (street admins: of their street): add one, edit
it, hide it from residents and show it again. Each is one transaction; the ready answers
of the venues are dropped at its commit (app.cache.tracking)."""

from __future__ import annotations

from sqlalchemy import update

from app.accounts.models import User
from app.auth.permissions import managed_community_ids, require_managed_community
from app.clock import utcnow
from app.errors import NotFound, VenueNameTaken
from app.extensions import db
from app.transaction import use_case
from app.venues.models import Venue
from app.venues.queries import managed_venue

VENUE_FIELDS = (
    "name",
    "type",
    "address",
    "latitude",
    "longitude",
    "phone",
    "opening_hours",
    "closed_dates",
    "closed_on_holidays",
    "services",
    "facilities",
    "description",
    "intro_html",
    "photos",
)


@use_case(conflict=VenueNameTaken)
def create_venue(actor: User, data: dict) -> Venue:
    """A venue of a community the user manages, from data its schema validated."""
    require_managed_community(actor, data["community_id"])
    venue = Venue(
        community_id=data["community_id"],
        updated_at=utcnow(),
        **{field: data[field] for field in VENUE_FIELDS if field in data},
    )
    db.session.add(venue)
    db.session.flush()
    return venue


@use_case(conflict=VenueNameTaken)
def update_venue(actor: User, venue_id: int, data: dict) -> Venue:
    """Change the fields `data` names; a venue moves only between communities the user
    manages."""
    venue = managed_venue(actor, venue_id)
    if "community_id" in data:
        require_managed_community(actor, data["community_id"])
        venue.community_id = data["community_id"]
    for field in VENUE_FIELDS:
        if field in data:
            setattr(venue, field, data[field])
    venue.updated_at = utcnow()
    db.session.flush()
    return venue


@use_case
def hide_venue(actor: User, venue_id: int) -> Venue:
    """Take the venue off every public list, search and detail; staff still see it."""
    return _set_hidden(actor, venue_id, True)


@use_case
def show_venue(actor: User, venue_id: int) -> Venue:
    return _set_hidden(actor, venue_id, False)


def _set_hidden(actor: User, venue_id: int, hidden: bool) -> Venue:
    venue = managed_venue(actor, venue_id)
    changed = db.session.execute(
        update(Venue)
        .where(Venue.id == venue.id, Venue.community_id.in_(managed_community_ids(actor)))
        .values(hidden=hidden, updated_at=utcnow())
        .returning(Venue.id)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if changed is None:  # moved out of the user's reach meanwhile
        raise NotFound("找不到该场所")
    db.session.refresh(venue)
    return venue
