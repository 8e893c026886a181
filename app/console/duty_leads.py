"""报到 · 楼栋长: every building of the community with its 党员楼栋长 (三亮: identity, duties,
commitment), a form to appoint one, and a button for a lead to step down."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select

from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.duties import chosen_community, page_args
from app.console.forms import errors_of, parse_form
from app.console.forms.duties import CommunityArgsSchema, LeadFormSchema
from app.duties.labels import LEAD_COMMITMENT, LEAD_DUTIES
from app.duties.queries.leads import community_leads
from app.duties.services import leads as services
from app.errors import BuildingLeadExists, NotFound, ValidationError
from app.extensions import db
from app.members.models import MemberProfile
from app.orders.candidates import eligible_members


@bp.get("/duties/leads")
@staff_required
def duties_leads():
    return _page({}, {})


@bp.post("/duties/leads/<int:building_id>")
@staff_required
def duties_lead_appoint(building_id: int):
    community, _ = chosen_community(page_args(CommunityArgsSchema()))
    data, errors = parse_form(LeadFormSchema(), request.form)
    if not errors:
        try:
            lead = services.appoint(current_staff(), building_id, data)
        except (ValidationError, BuildingLeadExists) as error:
            errors = errors_of(error)
        else:
            name = db.session.scalar(
                select(MemberProfile.name).where(MemberProfile.user_id == lead.user_id)
            )
            flash(f"已任命 {name} 为党员楼栋长", "success")
            return redirect(url_for("console.duties_leads", community_id=community.id))
    return _page(errors, {**request.form, "building_id": building_id}, status=422)


@bp.post("/duties/leads/<int:building_id>/remove")
@staff_required
def duties_lead_remove(building_id: int):
    community, _ = chosen_community(page_args(CommunityArgsSchema()))
    try:
        services.remove(current_staff(), building_id)
    except NotFound as error:
        flash(error.message, "error")
    else:
        flash("楼栋长已卸任", "success")
    return redirect(url_for("console.duties_leads", community_id=community.id))


def _page(errors: dict, values: dict, status: int = 200):
    community, communities = chosen_community(page_args(CommunityArgsSchema()))
    members = db.session.scalars(eligible_members(community.id).order_by(MemberProfile.id)).all()
    page = render_template(
        "console/duties_leads.html",
        community=community,
        communities=communities,
        rows=community_leads(current_staff(), community.id),
        members=members,
        errors=errors,
        values=values,
        defaults={"duties": LEAD_DUTIES, "commitment": LEAD_COMMITMENT},
    )
    return page, status
