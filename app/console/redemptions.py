"""积分商城 · 兑换核销: the redemptions of the staff's communities by status, and the 核销 form
at the top (typed, or scanned by a USB scanner that types the code and Enter). Verifying is
the API's own use case (`app/mall/redemptions.verify`)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities, managed_community_ids
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.filters import cn_time
from app.console.forms import parse_form
from app.console.forms.mall import RedemptionArgsSchema, VerifyFormSchema
from app.console.read_models import mall
from app.errors import NotFound, RedemptionStateConflict, ValidationError
from app.mall.labels import REDEMPTION_STATUS
from app.mall.models import RedemptionStatus
from app.mall.services import redemptions as mall_redemptions


@bp.get("/redemptions")
@staff_required
def redemptions():
    return _page()


@bp.post("/redemptions/verify")
@staff_required
def redemption_verify():
    data, errors = parse_form(VerifyFormSchema(), request.form)
    if errors:
        flash(f"兑换码：{errors['code'][0]}", "error")
        return _page(422)
    code = data["code"]
    try:
        redemption = mall_redemptions.verify(current_staff(), code)
    except NotFound:
        flash(f"兑换码 {code} 不存在，请核对后重新输入", "error")
        return _page(404)
    except RedemptionStateConflict:
        flash(f"兑换码 {code} {_why_refused(code)}，不能核销", "error")
        return _page(409)
    flash(
        f"已核销：{redemption.reward.name}（{redemption.points} 积分），兑换码 {redemption.code}",
        "success",
    )
    return redirect(url_for("console.redemptions", **_kept_args()))


def _why_refused(code: str) -> str:
    state = mall.code_state(managed_community_ids(current_staff()), code)
    if state is None:  # it was there a moment ago; say what the service said
        return RedemptionStateConflict.message
    if state.status == RedemptionStatus.PENDING:
        return "已过期"
    label = REDEMPTION_STATUS.get(RedemptionStatus(state.status), state.status)
    return f"{label}（{cn_time(state.closed_at)}）" if state.closed_at else label


def _kept_args() -> dict:
    return {k: request.args.get(k) for k in ("status", "community_id") if request.args.get(k)}


def _page(status: int = 200):
    args, errors = parse_form(RedemptionArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    scope = mall.scope_of(actor, args.get("community_id"))
    page = mall.redemption_page(scope, args.get("status"), args["limit"], args.get("cursor"))
    return render_template(
        "console/redemptions.html",
        page=page,
        args={"cursor": None, "community_id": None, "status": None, **args},
        communities=managed_communities(actor),
        statuses=REDEMPTION_STATUS,
    ), status
