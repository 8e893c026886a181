"""代点单: staff enter an order taken by phone or at the desk for a resident without a
smartphone. The same rules as the mini-program's orders; the resident is found by phone."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities
from app.catalog.queries import catalog
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.orders import OnBehalfSchema
from app.errors import ValidationError
from app.orders.labels import STATUS_LABELS
from app.orders.services import create_on_behalf


@bp.route("/orders/new", methods=["GET", "POST"])
@staff_required
def order_new():
    errors: dict = {}
    if request.method == "POST":
        data, errors = parse_form(OnBehalfSchema(), request.form)
        if not errors:
            try:
                order = create_on_behalf(current_staff(), data)
            except ValidationError as error:
                errors = errors_of(error)
            else:
                flash(
                    f"已为居民{order.contact_name}代点单（工单 #{order.id}），"
                    f"当前状态：{STATUS_LABELS[order.status]}",
                    "success",
                )
                return redirect(url_for("console.order_detail", order_id=order.id))
    page = render_template(
        "console/order_new.html",
        values=request.form,
        errors=errors,
        categories=catalog()["categories"],
        communities=managed_communities(current_staff(), with_places=True),
    )
    return page, 422 if errors else 200
