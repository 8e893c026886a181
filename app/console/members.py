"""党员: the roster of approved members with their numbers, and the review queue of
registrations (报到审核). Approve and reject are the API's own service calls."""

from __future__ import annotations

import marshmallow as ma
from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities, scope_community_ids
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.members import (
    REJECT_PRESETS,
    QueueArgsSchema,
    RegistrationRejectFormSchema,
    RosterArgsSchema,
)
from app.console.read_models import members as queries
from app.errors import RegistrationStateConflict, ValidationError
from app.members import services
from app.members.labels import REGISTRATION_STATUS_LABELS
from app.members.queries import get_registration

TABS = list(REGISTRATION_STATUS_LABELS.items())


@bp.get("/members")
@staff_required
def members():
    args = _query_args(RosterArgsSchema())
    ids, communities = _scope(args)
    page = queries.member_page(ids, args["limit"], args.get("cursor"), args.get("q"))
    return render_template(
        "console/members.html",
        page=page,
        args=args,
        communities=communities,
        pending=queries.pending_count(ids),
    )


@bp.get("/members/registrations")
@staff_required
def members_registrations():
    return _queue_page(_query_args(QueueArgsSchema()))


@bp.post("/members/registrations/<int:registration_id>/approve")
@staff_required
def members_approve(registration_id: int):
    try:
        registration = services.approve(current_staff(), registration_id)
    except RegistrationStateConflict as error:
        return _conflict(error)
    flash(f"已通过 {registration.name} 的报到申请，TA 已成为本社区党员", "success")
    return redirect(_queue_url())


@bp.route("/members/registrations/<int:registration_id>/reject", methods=["GET", "POST"])
@staff_required
def members_reject(registration_id: int):
    # Out of reach is 404 before the form is read, as in the API.
    registration = get_registration(current_staff(), registration_id)
    errors: dict = {}
    if request.method == "POST":
        data, errors = parse_form(RegistrationRejectFormSchema(), request.form)
        if not errors:
            return _reject(registration_id, data["reason"])
    return render_template(
        "console/members_reject.html",
        registration=registration,
        form=request.form,
        errors=errors,
        presets=REJECT_PRESETS,
        back=_queue_url(),
    ), 422 if errors else 200


def _reject(registration_id: int, reason: str):
    try:
        registration = services.reject(current_staff(), registration_id, reason)
    except RegistrationStateConflict as error:
        return _conflict(error)
    flash(f"已驳回 {registration.name} 的报到申请", "success")
    return redirect(_queue_url())


def _conflict(error: RegistrationStateConflict):
    """Someone reviewed it first (or twice): say so above the queue; nothing was changed."""
    flash(error.message, "error")
    args = {"cursor": None, **QueueArgsSchema().load({}), "community_id": _filtered_community()}
    return _queue_page(args, status=error.status)


def _queue_page(args: dict, status: int = 200):
    ids, communities = _scope(args)
    page = queries.registration_page(ids, args["status"], args["limit"], args.get("cursor"))
    return render_template(
        "console/members_registrations.html",
        page=page,
        args=args,
        tabs=TABS,
        counts=queries.registration_counts(ids),
        communities=communities,
    ), status


def _scope(args: dict) -> tuple[set[int], dict[int, str]]:
    """The community ids the page shows, and {id: name} of every community one may pick."""
    actor = current_staff()
    ids = scope_community_ids(actor, args.get("community_id"))
    return ids, {c.id: c.name for c in managed_communities(actor)}


def _query_args(schema: ma.Schema) -> dict:
    """The page's query args, every one present (None when not given), for the links."""
    data, errors = parse_form(schema, request.args)
    if errors:
        raise ValidationError(details=errors)
    return {**dict.fromkeys(schema.fields), **data}


def _filtered_community() -> int | None:
    """The community filter the acting page had (`?community_id=` on the form's action)."""
    return request.args.get("community_id", type=int)


def _queue_url() -> str:
    return url_for("console.members_registrations", community_id=_filtered_community())
