"""统计: the numbers of CONTRACT §6.7 for a period as tables (a street admin also sees each
community side by side), and the orders' ledger to download. The reads are app/stats'."""

from __future__ import annotations

from datetime import timedelta

from flask import render_template, request, send_file
from werkzeug.datastructures import MultiDict

from app.auth.permissions import managed_communities, scope_community_ids
from app.clock import beijing_today, utcnow
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.stats import PeriodFormSchema
from app.errors import ValidationError
from app.stats import ledger
from app.stats.period import period_stats, side_by_side


@bp.get("/stats")
@staff_required
def stats():
    given, args, errors = _period()
    actor = current_staff()
    communities = managed_communities(actor)
    numbers, compared = None, []
    if not errors:
        community_id = args.get("community_id")
        numbers = period_stats(actor, args["start"], args["end"], community_id)
        if community_id is None and len(communities) > 1:
            compared = side_by_side(actor, args["start"], args["end"])
    return render_template(
        "console/stats.html",
        numbers=numbers,
        compared=compared,
        errors=errors,
        values=given,
        communities=communities,
    )


@bp.get("/stats/orders.xlsx")
@staff_required
def stats_export():
    _, args, errors = _period()
    if errors:
        raise ValidationError(details=errors, message=next(iter(errors.values()))[0])
    start, end = args["start"], args["end"]
    book = ledger.orders_workbook(current_staff(), start, end, args.get("community_id"))
    return send_file(
        book, mimetype=ledger.XLSX, as_attachment=True, download_name=ledger.filename(start, end)
    )


def _period() -> tuple[dict, dict, dict]:
    """The filter as given (the last 30 days by default), parsed, and its errors; a community
    outside the scope is a bad filter value, named on the form."""
    today = beijing_today(utcnow())
    given = {"from": (today - timedelta(days=29)).isoformat(), "to": today.isoformat()}
    given |= request.args.to_dict()
    args, errors = parse_form(PeriodFormSchema(), MultiDict(given))
    if not errors:
        try:
            scope_community_ids(current_staff(), args.get("community_id"))
        except ValidationError as error:
            errors = dict(error.details)
    return given, args, errors
