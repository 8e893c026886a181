"""Who reaches a room or a booking: any signed-in user books an open room; staff of the
venue's community manage its rooms and decide its bookings; a booking's booker cancels it
and checks in. Out of reach is NOT_FOUND, never FORBIDDEN."""

from __future__ import annotations

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.bookings.models import Booking
from app.errors import NotFound
from app.extensions import db
from app.venues.models import Venue
from app.venues.rooms import VenueRoom


def bookable_room(room_id: int) -> VenueRoom:
    """An active room of a venue residents may see; a hidden venue's rooms are not found."""
    room = db.session.get(VenueRoom, room_id)
    if room is None or not room.is_active or room.venue.hidden:
        raise NotFound("找不到该房间")
    return room


def managed_venue(actor: User, venue_id: int) -> Venue:
    venue = db.session.get(Venue, venue_id)
    if venue is None or venue.community_id not in managed_community_ids(actor):
        raise NotFound("找不到该场所")
    return venue


def managed_room(actor: User, room_id: int) -> VenueRoom:
    room = db.session.get(VenueRoom, room_id)
    if room is None or room.venue.community_id not in managed_community_ids(actor):
        raise NotFound("找不到该房间")
    return room


def managed_booking(actor: User, booking_id: int) -> Booking:
    booking = db.session.get(Booking, booking_id)
    if booking is None or booking.community_id not in managed_community_ids(actor):
        raise NotFound("找不到该预约")
    return booking


def own_booking(actor: User, booking_id: int) -> Booking:
    booking = db.session.get(Booking, booking_id)
    if booking is None or booking.user_id != actor.id:
        raise NotFound("找不到该预约")
    return booking
