"""Staff keep their venues' rooms: name, kind, capacity, facilities, whether bookings are
approved as made, and whether the room is open to booking at all."""

from __future__ import annotations

from app.accounts.models import User
from app.bookings.access import managed_room, managed_venue
from app.extensions import db
from app.transaction import use_case
from app.venues.rooms import VenueRoom


@use_case
def create_room(actor: User, venue_id: int, data: dict) -> VenueRoom:
    venue = managed_venue(actor, venue_id)
    room = VenueRoom(venue=venue, **data)
    db.session.add(room)
    db.session.flush()
    return room


@use_case
def update_room(actor: User, room_id: int, data: dict) -> VenueRoom:
    room = managed_room(actor, room_id)
    for field, value in data.items():
        setattr(room, field, value)
    db.session.flush()
    return room
