"""The venues page: the scope's venues, shown ones first, with their communities' names."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.org.models import Community
from app.venues.models import Venue


def venue_rows(community_ids: set[int]) -> list:
    """(venue, community name) of the communities: shown before hidden, then by id."""
    return list(
        db.session.execute(
            select(Venue, Community.name)
            .join(Community, Community.id == Venue.community_id)
            .where(Venue.community_id.in_(community_ids))
            .order_by(Venue.hidden, Venue.id)
        )
    )
