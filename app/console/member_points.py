"""党员积分: a member's balance and latest entries, and staff's adjustment with a reason
(the same use case as `POST /staff/members/{id}/points`: audited by who, when and why)."""

from __future__ import annotations

from collections.abc import Mapping

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select

from app.accounts.models import User
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.points import AdjustmentFormSchema
from app.errors import InsufficientPoints, ValidationError
from app.extensions import db
from app.points import queries
from app.points.adjust import adjust, require_member
from app.points.labels import REASON_LABELS

LATEST = 20


@bp.route("/members/<int:user_id>/points", methods=["GET", "POST"])
@staff_required
def member_points(user_id: int):
    staff = current_staff()
    require_member(staff, user_id)  # 404 page for a member out of reach
    form: Mapping[str, str] = {}
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        data, errors = parse_form(AdjustmentFormSchema(), request.form)
        if not errors:
            try:
                done = adjust(staff, user_id, data["delta"], data["reason"])
            except (InsufficientPoints, ValidationError) as error:
                errors = errors_of(error)
            else:
                flash(f"已调整积分 {data['delta']:+d}，当前余额 {done['balance']}", "success")
                return redirect(url_for("console.member_points", user_id=user_id))
        form, status = request.form, 422
    member = db.session.get_one(User, user_id)
    ledger = queries.ledger(member, LATEST)
    actors = _names({entry.actor_id for entry in ledger["items"] if entry.actor_id})
    page = render_template(
        "console/member_points.html",
        member=member,
        ledger=ledger,
        actors=actors,
        reasons=REASON_LABELS,
        form=form,
        errors=errors,
    )
    return page, status


def _names(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = db.session.execute(select(User.id, User.shown_name).where(User.id.in_(ids)))
    return {row.id: row.shown_name for row in rows}
