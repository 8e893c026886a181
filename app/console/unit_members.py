"""本单位党员: what a co-building unit's account sees in the console, read only — its own
members (in whichever community they report to) with their service: orders, points, ratings
and the year's 1+X commitments; and the 反馈卡 sent to the unit, to read and download."""

from __future__ import annotations

from flask import render_template
from sqlalchemy import select

from app.clock import beijing_today, utcnow
from app.commitments.table import year_commitments
from app.console.auth import current_staff, unit_required
from app.console.blueprint import bp
from app.console.forms import query_args
from app.console.forms.members import ScopeArgsSchema
from app.console.read_models.members import unit_member_page
from app.extensions import db
from app.org.models import Community
from app.records.labels import EVALUATION_LABELS
from app.records.queries import unit_cards
from app.units.labels import UNIT_KIND_LABELS
from app.units.queries import account_unit

CARDS = 50  # the newest cards sent to the unit


@bp.get("/unit/members")
@unit_required
def unit_members():
    args = query_args(ScopeArgsSchema())
    unit = account_unit(current_staff())
    page = unit_member_page(unit.id, args["limit"], args.get("cursor"))
    year = beijing_today(utcnow()).year
    commitments = year_commitments({row.profile.user_id for row in page["items"]}, year)
    return render_template(
        "console/unit_members.html",
        unit=unit,
        kind=UNIT_KIND_LABELS.get(unit.kind, ""),
        page=page,
        args=args,
        year=year,
        commitments=commitments,
        communities=_community_names({row.profile.community_id for row in page["items"]}),
        cards=unit_cards(current_staff(), CARDS)["items"],
        evaluations=EVALUATION_LABELS,
    )


def _community_names(ids: set[int]) -> dict[int, str]:
    return dict(
        db.session.execute(select(Community.id, Community.name).where(Community.id.in_(ids))).all()
    )
