"""工作台: today's numbers at a glance, each a link to the queue filtered to match, and the
orders that are furthest past their deadline."""

from __future__ import annotations

from datetime import timedelta

import marshmallow as ma
from flask import render_template, request, url_for

from app.accounts.models import Role
from app.clock import utcnow
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import run_query
from app.console.read_models.queue_options import filter_options
from app.stats import queries as stats
from app.validation import text_id


class DashboardArgsSchema(ma.Schema):
    community_id = text_id()


@bp.get("/")
@staff_required
def dashboard():
    staff = current_staff()
    data, errors, board = run_query(
        DashboardArgsSchema(),
        lambda data: stats.dashboard(staff, utcnow(), data.get("community_id")),
    )
    communities = filter_options(staff).communities
    return render_template(
        "console/dashboard.html",
        board=board,
        errors=errors,
        form=request.args,
        communities=communities,
        community_names={c.id: c.name for c in communities},
        street_admin=staff.has_role(Role.STREET_ADMIN),
        rate_days=stats.RATE_DAYS,
        links=_links(board, data.get("community_id")) if board else {},
    ), 422 if errors else 200


def _links(board: stats.Dashboard, community_id: int | None) -> dict[str, str]:
    """Each number's queue, under the same community filter."""
    today = board.numbers.today.isoformat()
    month_ago = (board.numbers.today - timedelta(days=stats.RATE_DAYS)).isoformat()

    def queue(**args) -> str:
        return url_for("console.orders", community_id=community_id, **args)

    return {
        "new_today": queue(created_from=today, created_to=today),
        "waiting": queue(status="waiting"),
        "overdue": queue(overdue=1),
        "completed_today": queue(completed_on=today),
        "rated": queue(status="rated"),
        "recent": queue(created_from=month_ago),
    }
