"""Venues with rooms in the world's two communities, and booking calls as the mini-program
makes them. Times are Beijing times on the frozen clock's days (Thursday 2026-11-26, 10:00)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.bookings.models import Booking
from app.extensions import db
from app.venues.rooms import VenueRoom
from tests.helpers.api import call, post
from tests.venues.conftest import make_venue, north

FRIDAY = "2026-11-27"  # the day after the frozen clock's


def at(day: str, hhmm: str) -> str:
    """An ISO 8601 time with Beijing's offset."""
    return f"{day}T{hhmm}:00+08:00"


def slot(start: str, end: str, day: str = FRIDAY, **fields) -> dict:
    return {
        "start": at(day, start),
        "end": at(day, end),
        "purpose": "楼栋议事会",
        "attendees": 8,
    } | fields


def make_room(venue, name: str = "议事室", capacity: int = 20, **fields) -> VenueRoom:
    room = VenueRoom(venue=venue, name=name, kind="meeting_room", capacity=capacity, **fields)
    db.session.add(room)
    db.session.flush()
    return room


@dataclass
class Rooms:
    a: VenueRoom  # 议事室 of a's 邻里中心: weekdays 08:30-17:30, Saturday 09:00-12:00
    b: VenueRoom  # 议事室 of b's 邻里中心, same hours


def make_rooms(world) -> Rooms:
    """A 邻里中心 with a 议事室 (20 people) in each of the world's communities. Commits."""
    made = []
    for side, name, meters in ((world.a, "百花洲邻里中心", 300), (world.b, "八一邻里中心", 900)):
        venue = make_venue(side.community, name, "neighborhood", north(meters))
        venue.opening_hours = [
            {"days": "周一至周五", "hours": "08:30-17:30"},
            {"days": "周六", "hours": "09:00-12:00"},
        ]
        made.append(make_room(venue))
    db.session.commit()
    return Rooms(*made)


def book(client, user, room_id: int, body: dict):
    return post(client, user, f"/rooms/{room_id}/bookings", body)


def booked(client, user, room_id: int, body: dict) -> dict:
    response = book(client, user, room_id, body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def move(client, user, path: str, body=None):
    return call(client, user, "post", path, body)


def status_of(booking_id: int) -> str:
    db.session.expire_all()
    return db.session.scalar(select(Booking.status).where(Booking.id == booking_id))


def count_bookings(*conditions) -> int:
    db.session.expire_all()
    return len(db.session.scalars(select(Booking.id).where(*conditions)).all())
