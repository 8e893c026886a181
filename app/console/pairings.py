"""结对: the pairings of the staff's communities with their visit counts, and one pairing's
visits."""

from __future__ import annotations

from flask import render_template, request

from app.auth.permissions import managed_communities
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.members import ScopeArgsSchema
from app.console.read_models import mall
from app.errors import ValidationError
from app.pagination import PageArgsSchema
from app.pairings import queries


@bp.get("/pairings")
@staff_required
def pairings():
    args, errors = parse_form(ScopeArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    scope = mall.scope_of(actor, args.get("community_id"))
    page = queries.staff_pairings(actor, args["limit"], args.get("cursor"), community_ids=scope)
    return render_template(
        "console/pairings.html",
        page=page,
        args={"cursor": None, "community_id": None, **args},
        communities=managed_communities(actor),
    )


@bp.get("/pairings/<int:pairing_id>")
@staff_required
def pairing_visits(pairing_id: int):
    args, errors = parse_form(PageArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    page = queries.visits(actor, pairing_id, args["limit"], args.get("cursor"))
    return render_template(
        "console/pairing_visits.html",
        pairing=queries.pairing_row(pairing_id),
        page=page,
        args={"cursor": None, **args},
    )
