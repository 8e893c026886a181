"""预约 · 审核 and 使用情况: the bookings of the staff's venues by status, with approve and
reject (a reason) for the pending ones, and the usage numbers per venue for a period.
Deciding is the API's own use cases (`app/bookings/services/moves.py`)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import flash, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from app.auth.permissions import managed_communities, scope_community_ids
from app.bookings import queries
from app.bookings.labels import BOOKING_STATUS
from app.bookings.models import BookingStatus
from app.bookings.services import moves
from app.clock import beijing_today, utcnow
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.bookings import BookingQueueArgsSchema, RejectFormSchema, UsageFormSchema
from app.console.read_models.bookings import booker_names, venues_with_rooms
from app.errors import BookingStateConflict, ValidationError

TABS = list(BookingStatus)


@bp.get("/bookings")
@staff_required
def bookings():
    args, errors = parse_form(BookingQueueArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    scope = scope_community_ids(actor, args.get("community_id"))
    page = queries.staff_bookings(actor, **args)
    return render_template(
        "console/bookings.html",
        page=page,
        names=booker_names(page["items"]),
        args={"cursor": None, "community_id": None, "venue_id": None, **args},
        tabs=[(status, BOOKING_STATUS[status]) for status in TABS],
        labels=BOOKING_STATUS,
        venues=[venue for venue, _ in venues_with_rooms(scope)],
        communities=managed_communities(actor),
    )


@bp.post("/bookings/<int:booking_id>/approve")
@staff_required
def booking_approve(booking_id: int):
    whole_series = request.form.get("series") == "1"
    try:
        booking = moves.approve(current_staff(), booking_id, whole_series=whole_series)
    except BookingStateConflict as error:
        flash(error.message, "error")
    else:
        weeks = "（含该每周预约以后的各次）" if whole_series else ""
        flash(f"已通过 {booking.room.name} 的预约{weeks}，已通知预约人", "success")
    return redirect(_back())


@bp.post("/bookings/<int:booking_id>/reject")
@staff_required
def booking_reject(booking_id: int):
    data, errors = parse_form(RejectFormSchema(), request.form)
    if errors:
        flash("请填写未通过的原因（最多 200 字）", "error")
        return redirect(_back())
    try:
        booking = moves.reject(current_staff(), booking_id, data["reason"])
    except BookingStateConflict as error:
        flash(error.message, "error")
    else:
        flash(f"已驳回 {booking.room.name} 的预约，已通知预约人", "success")
    return redirect(_back())


@bp.get("/bookings/usage")
@staff_required
def booking_usage():
    today = beijing_today(utcnow())
    given = {"from": (today - timedelta(days=29)).isoformat(), "to": today.isoformat()}
    given |= request.args.to_dict()
    args, errors = parse_form(UsageFormSchema(), MultiDict(given))
    actor = current_staff()
    items = []
    if not errors:
        try:
            scope_community_ids(actor, args.get("community_id"))  # 422 outside the scope
            items = queries.usage(actor, args["start"], args["end"], args.get("community_id"))
        except ValidationError as error:
            errors = dict(error.details)
    return render_template(
        "console/booking_usage.html",
        items=items,
        errors=errors,
        values=given,
        totals={k: sum(i[k] for i in items) for k in ("bookings", "hours", "people")},
        communities=managed_communities(actor),
    )


def _back() -> str:
    keep: dict[str, Any] = {
        key: value
        for key in ("status", "venue_id", "community_id")
        if (value := request.args.get(key))
    }
    return url_for("console.bookings", **keep)
