"""场所: the venues of the staff user's communities (hidden ones marked), a venue's page with
its sanitised description, photos and mini-program code, the form to add or edit one, and
hiding and showing it. Writing is the venue domain's own use cases."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app, flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities, scope_community_ids
from app.clock import utcnow
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.members import ScopeArgsSchema
from app.console.forms.venues import VenueFormSchema
from app.console.read_models.venues import venue_rows
from app.errors import Conflict, ValidationError, WechatUnavailable
from app.venues import codes, services
from app.venues.hours import open_now
from app.venues.models import Venue
from app.venues.queries import managed_venue
from app.venues.schemas import TYPE_LABELS


@bp.get("/venues")
@staff_required
def venues():
    args, errors = parse_form(ScopeArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    return render_template(
        "console/venues.html",
        rows=venue_rows(scope_community_ids(current_staff(), args.get("community_id"))),
        args=args,
        communities=managed_communities(current_staff()),
        types=TYPE_LABELS,
        now=utcnow(),
        open_now=open_now,
    )


@bp.get("/venues/<int:venue_id>")
@staff_required
def venue(venue_id: int):
    found = managed_venue(current_staff(), venue_id)
    return render_template(
        "console/venue.html",
        venue=found,
        types=TYPE_LABELS,
        is_open=open_now(found, utcnow()),
    )


@bp.get("/venues/<int:venue_id>/qrcode.png")
@staff_required
def venue_qrcode(venue_id: int):
    """The venue's mini-program code, hidden or not; `?download=1` saves it as a file."""
    found = managed_venue(current_staff(), venue_id)
    try:
        image = codes.drawn_code(found.id)
    except WechatUnavailable as error:
        return error.message, 503, {"Content-Type": "text/plain; charset=utf-8"}
    response = current_app.response_class(image, mimetype="image/png")
    if request.args.get("download"):
        response.headers["Content-Disposition"] = f'attachment; filename="venue-{found.id}.png"'
    return response


@bp.route("/venues/new", methods=["GET", "POST"])
@staff_required
def venue_new():
    if request.method == "GET":
        return _form(None, {}, {})
    return _save(None, lambda data: services.create_venue(current_staff(), data), "已添加")


@bp.route("/venues/<int:venue_id>/edit", methods=["GET", "POST"])
@staff_required
def venue_edit(venue_id: int):
    found = managed_venue(current_staff(), venue_id)
    if request.method == "GET":
        return _form(found, _values_of(found), {})
    return _save(
        found, lambda data: services.update_venue(current_staff(), venue_id, data), "已保存"
    )


@bp.post("/venues/<int:venue_id>/hide")
@staff_required
def venue_hide(venue_id: int):
    hidden = services.hide_venue(current_staff(), venue_id)
    flash(f"已隐藏场所“{hidden.name}”，居民看不到它了", "success")
    return redirect(url_for("console.venue", venue_id=venue_id))


@bp.post("/venues/<int:venue_id>/show")
@staff_required
def venue_show(venue_id: int):
    shown = services.show_venue(current_staff(), venue_id)
    flash(f"已恢复显示场所“{shown.name}”", "success")
    return redirect(url_for("console.venue", venue_id=venue_id))


def _save(found: Venue | None, write: Callable[[dict], Venue], done: str):
    """Parse the form and write it; the form again with the messages if either refuses."""
    data, errors = parse_form(VenueFormSchema(), request.form)
    if not errors:
        try:
            saved = write(data)
        except (ValidationError, Conflict) as error:
            errors = errors_of(error)
        else:
            flash(f"{done}场所“{saved.name}”", "success")
            return redirect(url_for("console.venue", venue_id=saved.id))
    return _form(found, request.form, errors, status=422)


def _form(found: Venue | None, values, errors: dict, status: int = 200):
    return render_template(
        "console/venue_form.html",
        venue=found,
        values=values,
        errors=errors,
        communities=managed_communities(current_staff()),
        types=TYPE_LABELS,
    ), status


def _values_of(found: Venue) -> dict:
    return {
        "name": found.name,
        "type": found.type,
        "community_id": str(found.community_id),
        "address": found.address,
        "latitude": found.latitude,
        "longitude": found.longitude,
        "phone": found.phone or "",
        "services": "\n".join(found.services),
        "facilities": "\n".join(found.facilities),
        "opening_hours": "\n".join(f"{h['days']} {h['hours']}" for h in found.opening_hours),
        "closed_dates": "\n".join(
            f"{c['date']} {c.get('reason') or ''}".strip() for c in found.closed_dates
        ),
        "closed_on_holidays": "on" if found.closed_on_holidays else "",
        "description": found.description or "",
        "intro_html": found.intro_html or "",
        "photos": "\n".join(found.photos),
    }
