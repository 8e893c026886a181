"""报到 in the console, 周六报到: the community's liaison venue and this week's code to print,
the roster of a week (who reported, who did not) and one button to remind the absent. The
other 报到 pages are 楼栋长 (duty_leads.py) and 先锋墙 (duty_wall.py)."""

from __future__ import annotations

from datetime import timedelta

from flask import Response, flash, redirect, render_template, request, url_for
from sqlalchemy import select

from app.auth.permissions import managed_communities
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.duties import CommunityArgsSchema, LiaisonFormSchema, RosterArgsSchema
from app.duties import codes
from app.duties.queries import checkins as queries
from app.duties.services import checkins as services
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.venues.models import Venue


def chosen_community(args: dict):
    """The community a 报到 page shows: the one asked for among the user's, else the first;
    with the list of them for the picker."""
    communities = managed_communities(current_staff())
    wanted = args.get("community_id")
    chosen = next((c for c in communities if c.id == wanted), None) if wanted else None
    if chosen is None and (wanted or not communities):
        raise NotFound("找不到该社区")
    return chosen or communities[0], communities


def page_args(schema) -> dict:
    args, errors = parse_form(schema, request.args)
    if errors:
        raise ValidationError(details=errors)
    return args


@bp.get("/duties/checkins")
@staff_required
def duties_checkins():
    args = page_args(RosterArgsSchema())
    community, communities = chosen_community(args)
    actor = current_staff()
    this_monday = queries.this_monday()
    monday = codes.week_start(args["week"]) if args.get("week") else this_monday
    venues = db.session.scalars(
        select(Venue).where(Venue.community_id == community.id).order_by(Venue.id)
    ).all()
    return render_template(
        "console/duties_checkins.html",
        community=community,
        communities=communities,
        sheet=queries.code_sheet(actor, community.id),
        roster=queries.roster(actor, community.id, monday),
        venues=venues,
        this_week=monday == this_monday,
        previous=monday - timedelta(days=7),
        following=monday + timedelta(days=7) if monday < this_monday else None,
    )


@bp.post("/duties/checkins/venue")
@staff_required
def duties_liaison_venue():
    community, _ = chosen_community(page_args(CommunityArgsSchema()))
    data, errors = parse_form(LiaisonFormSchema(), request.form)
    try:
        if errors:
            raise ValidationError(details=errors)
        chosen = services.choose_liaison_venue(current_staff(), community.id, data["venue_id"])
    except ValidationError as error:
        flash(next(iter(error.details.values()))[0] if error.details else error.message, "error")
    else:
        flash(f"已将“{db.session.get_one(Venue, chosen.venue_id).name}”设为报到点", "success")
    return redirect(url_for("console.duties_checkins", community_id=community.id))


@bp.post("/duties/checkins/remind")
@staff_required
def duties_remind():
    community, _ = chosen_community(page_args(CommunityArgsSchema()))
    try:
        told = services.remind_absent(current_staff(), community.id)
    except Conflict as error:
        flash(error.message, "error")
    else:
        flash(
            f"已提醒 {told} 名本周未报到的党员" if told else "本周未报到的党员都已提醒过", "success"
        )
    return redirect(url_for("console.duties_checkins", community_id=community.id))


@bp.get("/duties/checkins/code")
@staff_required
def duties_code():
    """This week's code on a page of its own, to print or to show on a screen."""
    community, sheet = _code_sheet()
    return render_template("console/duties_code.html", community=community, sheet=sheet)


@bp.get("/duties/checkins/code.png")
@staff_required
def duties_code_png():
    return Response(codes.png(_code_sheet()[1].code), mimetype="image/png")


def _code_sheet():
    community, _ = chosen_community(page_args(CommunityArgsSchema()))
    sheet = queries.code_sheet(current_staff(), community.id)
    if sheet is None:
        raise NotFound("请先设置社区的报到点")
    return community, sheet
