"""商户: the merchants of the service circle in the staff user's communities, with their
service points and 信得过 badge; the form to create or edit one and its account; a service
recorded from the desk. Writing is the merchant domain's own use cases."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities, scope_community_ids
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.members import ScopeArgsSchema
from app.console.forms.merchants import MerchantFormSchema, ServiceFormSchema
from app.console.read_models.merchants import merchant_rows
from app.errors import Conflict, ValidationError
from app.merchants import services
from app.merchants.labels import CATEGORY
from app.merchants.models import Merchant
from app.merchants.queries import managed_merchant


@bp.get("/merchants")
@staff_required
def merchants():
    args, errors = parse_form(ScopeArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    communities = managed_communities(actor)
    return render_template(
        "console/merchants.html",
        rows=merchant_rows(scope_community_ids(actor, args.get("community_id"))),
        args=args,
        communities=communities,
        names={c.id: c.name for c in communities},
        categories=CATEGORY,
    )


@bp.route("/merchants/new", methods=["GET", "POST"])
@staff_required
def merchant_new():
    if request.method == "GET":
        return _form(None, {}, {})
    return _save(None, lambda data: services.create_merchant(current_staff(), data), "已添加")


@bp.route("/merchants/<int:merchant_id>/edit", methods=["GET", "POST"])
@staff_required
def merchant_edit(merchant_id: int):
    merchant = managed_merchant(current_staff(), merchant_id)
    if request.method == "GET":
        return _form(merchant, _values_of(merchant), {})
    return _save(
        merchant,
        lambda data: services.update_merchant(current_staff(), merchant_id, data),
        "已保存",
    )


def _save(merchant, write: Callable[[dict], Merchant], done: str):
    """Parse the form and write it; the form again with the messages if either refuses."""
    data, errors = parse_form(MerchantFormSchema(), request.form)
    if not errors:
        try:
            saved = write(data)
        except (ValidationError, Conflict) as error:
            errors = errors_of(error)
        else:
            flash(f"{done}商户“{saved.name}”", "success")
            return redirect(url_for("console.merchants"))
    return _form(merchant, request.form, errors, status=422)


@bp.post("/merchants/<int:merchant_id>/services")
@staff_required
def merchant_service(merchant_id: int):
    actor = current_staff()
    merchant = managed_merchant(actor, merchant_id)
    data, errors = parse_form(ServiceFormSchema(), request.form)
    if errors:
        flash("请填写服务内容（最多 50 字）", "error")
    else:
        done = services.record_service(actor, merchant_id, data["service"], data.get("note"))
        flash(f"已为“{merchant.name}”登记服务，便民服务积分 {done['service_points']}", "success")
    return redirect(url_for("console.merchants"))


def _form(merchant, values, errors: dict, status: int = 200):
    return render_template(
        "console/merchant_form.html",
        merchant=merchant,
        values=values,
        errors=errors,
        communities=managed_communities(current_staff()),
        categories=CATEGORY,
    ), status


def _values_of(merchant) -> dict:
    return {
        "name": merchant.name,
        "category": merchant.category,
        "community_id": str(merchant.community_id),
        "address": merchant.address,
        "latitude": merchant.latitude,
        "longitude": merchant.longitude,
        "phone": merchant.phone or "",
        "opening_hours": "\n".join(f"{h['days']} {h['hours']}" for h in merchant.opening_hours),
        "services": "\n".join(merchant.services),
    }
