"""1+X 承诺: every member of the staff user's communities × the year's commitments, with
progress counted from what they did; the community's own items (add, retire), and a mark
when a member did one. Writing is the commitments' own use cases, as in the API."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities, scope_community_ids
from app.clock import beijing_today, utcnow
from app.commitments import services
from app.commitments.labels import KIND_LABELS
from app.commitments.models import STANDARD_KINDS
from app.commitments.progress import COUNTERS
from app.commitments.queries import items_of
from app.commitments.table import progress_table
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form, query_args
from app.console.forms.units import ItemFormSchema, ProgressArgsSchema
from app.errors import Conflict, ValidationError


@bp.get("/commitments")
@staff_required
def commitments():
    args = query_args(ProgressArgsSchema())
    return _page(args, {}, {})


def _page(args: dict, values, errors: dict, status: int = 200):
    actor = current_staff()
    year = args.get("year") or beijing_today(utcnow()).year
    community_id = args.get("community_id")
    communities = managed_communities(actor)
    table = progress_table(actor, year, args["limit"], args.get("cursor"), community_id)
    return render_template(
        "console/commitments.html",
        table=table,
        year=year,
        args={**args, "year": year},
        communities=communities,
        names={c.id: c.name for c in communities},
        items=items_of(scope_community_ids(actor, community_id)),
        standard=[(kind, KIND_LABELS[kind], kind in COUNTERS) for kind in STANDARD_KINDS],
        values=values,
        errors=errors,
    ), status


@bp.post("/commitments/items")
@staff_required
def commitment_item_new():
    data, errors = parse_form(ItemFormSchema(), request.form)
    if not errors:
        try:
            item = services.create_item(current_staff(), data)
        except (ValidationError, Conflict) as error:
            errors = errors_of(error)
        else:
            flash(f"已添加承诺项目“{item.title}”", "success")
            return redirect(url_for("console.commitments"))
    return _page(ProgressArgsSchema().load({}), request.form, errors, status=422)


@bp.post("/commitments/items/<int:item_id>/active")
@staff_required
def commitment_item_active(item_id: int):
    active = request.form.get("active") == "1"
    item = services.set_item_active(current_staff(), item_id, active)
    flash(f"已{'重新上架' if active else '下架'}“{item.title}”", "success")
    return redirect(url_for("console.commitments"))


@bp.post("/commitments/<int:commitment_id>/marks")
@staff_required
def commitment_mark(commitment_id: int):
    try:
        shown = services.mark(current_staff(), commitment_id, None)
    except Conflict as error:
        flash(error.message, "error")
    else:
        flash(f"已记录一次“{shown['title']}”：{shown['done']}/{shown['target']}", "success")
    return redirect(request.referrer or url_for("console.commitments"))
