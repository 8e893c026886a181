"""共建单位: the co-building units paired with the staff user's communities ("5+1"), the form
to add or edit one with its pairings, its accounts, and its members' binding. Writing is the
units' and the members' own use cases, as in the API."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities, managed_community_ids, scope_community_ids
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form, query_args
from app.console.forms.members import ScopeArgsSchema
from app.console.forms.units import AccountFormSchema, BindFormSchema, UnitFormSchema
from app.console.read_models.units import bindable_members, bound_members, unit_rows
from app.errors import Conflict, NotFound, ValidationError
from app.members.services import bind_unit
from app.units import services
from app.units.labels import UNIT_KIND_LABELS
from app.units.models import CoBuildingUnit
from app.units.queries import managed_unit, unit_account_names


@bp.get("/units")
@staff_required
def units():
    args = query_args(ScopeArgsSchema())
    actor = current_staff()
    communities = managed_communities(actor)
    return render_template(
        "console/units.html",
        rows=unit_rows(scope_community_ids(actor, args.get("community_id"))),
        args=args,
        communities=communities,
        names={c.id: c.name for c in communities},
        kinds=UNIT_KIND_LABELS,
    )


@bp.route("/units/new", methods=["GET", "POST"])
@staff_required
def unit_new():
    if request.method == "GET":
        return _form(None, {}, {})
    return _save(None, lambda data: services.create_unit(current_staff(), data), "已添加")


@bp.route("/units/<int:unit_id>/edit", methods=["GET", "POST"])
@staff_required
def unit_edit(unit_id: int):
    unit = managed_unit(current_staff(), unit_id)
    if request.method == "GET":
        return _form(unit, _values_of(unit), {})
    return _save(unit, lambda data: services.update_unit(current_staff(), unit_id, data), "已保存")


def _save(unit, write: Callable[[dict], CoBuildingUnit], done: str):
    data, errors = parse_form(UnitFormSchema(), request.form, list_fields=("community_ids",))
    if not errors:
        try:
            saved = write(data)
        except (ValidationError, Conflict, NotFound) as error:
            errors = errors_of(error) if not isinstance(error, NotFound) else _not_managed()
        else:
            flash(f"{done}共建单位“{saved.name}”", "success")
            return redirect(url_for("console.unit_edit", unit_id=saved.id))
    return _form(unit, request.form, errors, status=422)


def _not_managed() -> dict:
    return {"community_ids": ["只能选择您管理的社区"]}


@bp.post("/units/<int:unit_id>/accounts")
@staff_required
def unit_account(unit_id: int):
    actor = current_staff()
    unit = managed_unit(actor, unit_id)
    data, errors = parse_form(AccountFormSchema(), request.form)
    if not errors:
        try:
            user = services.create_account(actor, unit_id, data["username"], data["password"])
        except (ValidationError, Conflict) as error:
            errors = errors_of(error)
        else:
            flash(f"已为“{unit.name}”开设账号 {user.username}", "success")
            return redirect(url_for("console.unit_edit", unit_id=unit_id))
    return _form(unit, _values_of(unit), {}, account_errors=errors, status=422)


@bp.post("/units/<int:unit_id>/members")
@staff_required
def unit_bind(unit_id: int):
    actor = current_staff()
    unit = managed_unit(actor, unit_id)
    data, errors = parse_form(BindFormSchema(), request.form)
    if errors:
        flash("请选择要绑定的党员", "error")
    else:
        try:
            profile = bind_unit(actor, data["registration_id"], unit_id)
        except ValidationError as error:
            flash(next(iter(error.details.values()))[0], "error")
        else:
            flash(f"已将党员 {profile.name} 绑定到“{unit.name}”", "success")
    return redirect(url_for("console.unit_edit", unit_id=unit_id))


def _form(unit, values, errors: dict, *, account_errors: dict | None = None, status: int = 200):
    actor = current_staff()
    return render_template(
        "console/unit_form.html",
        unit=unit,
        values=values,
        errors=errors,
        account_errors=account_errors or {},
        communities=managed_communities(actor),
        chosen={str(v) for v in _chosen(values)},
        kinds=UNIT_KIND_LABELS,
        accounts=unit_account_names(unit.id) if unit else [],
        bound=bound_members(unit.id) if unit else [],
        bindable=bindable_members(unit, managed_community_ids(actor)) if unit else [],
    ), status


def _chosen(values) -> list:
    if hasattr(values, "getlist"):
        return values.getlist("community_ids")
    return values.get("community_ids", [])


def _values_of(unit: CoBuildingUnit) -> dict:
    return {
        "name": unit.name,
        "kind": unit.kind,
        "contact_name": unit.contact_name,
        "contact_phone": unit.contact_phone,
        "community_ids": unit.community_ids,
    }
