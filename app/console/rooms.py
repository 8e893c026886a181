"""预约 · 房间与日历: the rooms of the staff's venues, the forms to add and edit one
(capacity, facilities, auto-approve, open to booking), and a room's week calendar. Writing
is the API's own use cases (`app/bookings/services/rooms.py`)."""

from __future__ import annotations

from datetime import timedelta

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_community_ids
from app.bookings.access import managed_room, managed_venue
from app.bookings.labels import BOOKING_STATUS, ROOM_KIND
from app.bookings.services import rooms
from app.clock import beijing_today, utcnow
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.bookings import RoomFormSchema, WeekArgsSchema
from app.console.read_models.bookings import booker_names, venues_with_rooms, week_grid
from app.errors import ValidationError

WEEKDAYS = "一二三四五六日"


@bp.get("/rooms")
@staff_required
def booking_rooms():
    return render_template(
        "console/rooms.html",
        venues=venues_with_rooms(managed_community_ids(current_staff())),
        kinds=ROOM_KIND,
    )


@bp.route("/venues/<int:venue_id>/rooms/new", methods=["GET", "POST"])
@staff_required
def booking_room_new(venue_id: int):
    venue = managed_venue(current_staff(), venue_id)
    if request.method == "GET":
        return _form(venue, None, {})
    data, errors = parse_form(RoomFormSchema(), request.form)
    if errors:
        return _form(venue, None, errors, status=422)
    room = rooms.create_room(current_staff(), venue_id, data)
    flash(f"已为{venue.name}添加“{room.name}”", "success")
    return redirect(url_for("console.booking_rooms"))


@bp.route("/rooms/<int:room_id>/edit", methods=["GET", "POST"])
@staff_required
def booking_room_edit(room_id: int):
    room = managed_room(current_staff(), room_id)
    if request.method == "GET":
        return _form(room.venue, room, {})
    data, errors = parse_form(RoomFormSchema(), request.form)
    if errors:
        return _form(room.venue, room, errors, status=422)
    rooms.update_room(current_staff(), room_id, data)
    flash(f"已保存“{data['name']}”", "success")
    return redirect(url_for("console.booking_rooms"))


@bp.get("/rooms/<int:room_id>/calendar")
@staff_required
def booking_room_calendar(room_id: int):
    room = managed_room(current_staff(), room_id)
    args, errors = parse_form(WeekArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    day = args.get("week") or beijing_today(utcnow())
    monday = day - timedelta(days=day.weekday())
    week = week_grid(room, monday)
    return render_template(
        "console/room_calendar.html",
        room=room,
        week=week,
        names=booker_names(week.every_booking()),
        labels=BOOKING_STATUS,
        weekdays=WEEKDAYS,
        previous=monday - timedelta(days=7),
        next=monday + timedelta(days=7),
        today=beijing_today(utcnow()),
    )


def _form(venue, room, errors: dict, status: int = 200):
    """The add (no `room`) or edit form; after a refusal, with what was typed."""
    if request.method == "POST":
        values = request.form.to_dict()
    elif room is None:
        values = {"kind": "meeting_room", "is_active": "1"}
    else:
        values = {
            "name": room.name,
            "kind": room.kind,
            "capacity": str(room.capacity),
            "facilities": "、".join(room.facilities or []),
            "auto_approve": "1" if room.auto_approve else "",
            "is_active": "1" if room.is_active else "",
        }
    page = render_template(
        "console/room_form.html",
        venue=venue,
        room=room,
        values=values,
        errors=errors or {},
        kinds=ROOM_KIND,
    )
    return page, status
