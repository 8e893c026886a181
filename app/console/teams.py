"""团队: the service teams of the staff's communities, the forms to create and edit one
(leader, members, categories; street admins choose the community). Writing is the API's
own use cases (`app/teams/services.py`)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities
from app.catalog.labels import KIND_LABELS as CATEGORY_KINDS
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.teams import LIST_FIELDS, TeamArgsSchema, TeamEditFormSchema, TeamFormSchema
from app.console.read_models.teams import category_choices, member_choices
from app.errors import Conflict, ValidationError
from app.teams import queries, services
from app.teams.labels import KIND_LABELS


@bp.get("/teams")
@staff_required
def teams():
    args, errors = parse_form(TeamArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    page = queries.staff_teams(actor, args["limit"], args.get("cursor"), args.get("community_id"))
    return render_template(
        "console/teams.html",
        page=page,
        args={"cursor": None, "community_id": None, **args},
        communities=managed_communities(actor),
    )


@bp.route("/teams/new", methods=["GET", "POST"])
@staff_required
def team_new():
    if request.method == "GET":
        return _form(None, {})
    data, errors = parse_form(TeamFormSchema(), request.form, LIST_FIELDS)
    return _save(None, data, errors, lambda: services.create_team(current_staff(), data))


@bp.route("/teams/<int:team_id>/edit", methods=["GET", "POST"])
@staff_required
def team_edit(team_id: int):
    team = queries.staff_team(current_staff(), team_id)
    if request.method == "GET":
        return _form(team, {})
    data, errors = parse_form(TeamEditFormSchema(), request.form, LIST_FIELDS)
    return _save(team, data, errors, lambda: services.update_team(current_staff(), team_id, data))


def _save(team: dict | None, data: dict, errors: dict, call):
    if not errors:
        try:
            call()
        except (ValidationError, Conflict) as error:
            errors = errors_of(error)
        else:
            flash(f"已保存团队“{data['name']}”", "success")
            return redirect(url_for("console.teams"))
    return _form(team, errors, status=422)


def _form(team: dict | None, errors: dict, status: int = 200):
    """The create (no `team`) or edit form; after a refusal, with what was ticked and typed."""
    communities = managed_communities(current_staff())
    shown = [c.id for c in communities] if team is None else [team["community_id"]]
    return render_template(
        "console/team_form.html",
        team=team,
        communities=communities,
        community_names={c.id: c.name for c in communities},
        kinds=KIND_LABELS,
        members=member_choices(shown),
        categories=category_choices(),
        category_kinds=CATEGORY_KINDS,
        values=_values(team),
        errors=errors,
    ), status


def _values(team: dict | None) -> dict:
    """What the form shows: as posted, or the team as it is (a new team: active)."""
    if request.method == "POST":
        form = request.form
        fields: dict = {k: form.get(k, "") for k in ("name", "kind", "description", "community_id")}
        fields |= {"leader_id": form.get("leader_id", ""), "is_active": bool(form.get("is_active"))}
        return fields | {k: set(form.getlist(k)) for k in LIST_FIELDS}
    if team is None:
        return {"is_active": True, "member_ids": set(), "category_ids": set()}
    return {
        "name": team["name"],
        "kind": team["kind"],
        "description": team["description"] or "",
        "leader_id": str(team["leader"]["id"]) if team["leader"] else "",
        "is_active": team["is_active"],
        "member_ids": {str(m["id"]) for m in team["members"]},
        "category_ids": {str(c["id"]) for c in team["categories"]},
    }
