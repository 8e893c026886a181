"""积分商城 · 礼品: the rewards of the staff's communities, the forms to offer and edit one
(street admins choose the community), and taking one off offer. Writing is the API's own
use cases (`app/mall/services/rewards.py`)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.mall import RewardArgsSchema, RewardEditFormSchema, RewardFormSchema
from app.console.read_models import mall
from app.errors import ValidationError
from app.mall.access import managed_reward
from app.mall.services import rewards


@bp.get("/rewards")
@staff_required
def rewards_list():
    args, errors = parse_form(RewardArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    scope = mall.scope_of(actor, args.get("community_id"))
    return render_template(
        "console/rewards.html",
        page=mall.reward_page(scope, args["limit"], args.get("cursor")),
        args={"cursor": None, "community_id": None, **args},
        communities=managed_communities(actor),
    )


@bp.route("/rewards/new", methods=["GET", "POST"])
@staff_required
def reward_new():
    if request.method == "GET":
        return _form(None, {})
    data, errors = parse_form(RewardFormSchema(), request.form)
    if errors:
        return _form(None, errors, status=422)
    try:
        reward = rewards.create_reward(current_staff(), data)
    except ValidationError as error:
        return _form(None, errors_of(error), status=422)
    flash(f"已上架“{reward.name}”", "success")
    return redirect(url_for("console.rewards_list"))


@bp.route("/rewards/<int:reward_id>/edit", methods=["GET", "POST"])
@staff_required
def reward_edit(reward_id: int):
    reward = managed_reward(current_staff(), reward_id)
    if request.method == "GET":
        return _form(reward, {})
    data, errors = parse_form(RewardEditFormSchema(), request.form)
    if errors:
        return _form(reward, errors, status=422)
    try:
        rewards.update_reward(current_staff(), reward_id, data)
    except ValidationError as error:
        return _form(reward, errors_of(error), status=422)
    flash(f"已保存“{data['name']}”", "success")
    return redirect(url_for("console.rewards_list"))


@bp.post("/rewards/<int:reward_id>/offer")
@staff_required
def reward_offer(reward_id: int):
    """Take a reward off offer (下架), or offer it again (上架)."""
    active = request.form.get("active") == "1"
    reward = rewards.update_reward(current_staff(), reward_id, {"is_active": active})
    flash(f"已{'上架' if active else '下架'}“{reward.name}”", "success")
    return redirect(url_for("console.rewards_list", community_id=request.args.get("community_id")))


def _form(reward, errors: dict, status: int = 200):
    """The create (no `reward`) or edit form; after a refusal, with what was typed."""
    actor = current_staff()
    communities = managed_communities(actor)
    values = request.form if request.method == "POST" else _values_of(reward)
    return render_template(
        "console/reward_form.html",
        reward=reward,
        communities=communities,
        merchants=mall.merchant_choices(c.id for c in communities),
        values=values,
        errors=errors,
    ), status


def _values_of(reward) -> dict:
    if reward is None:
        return {}
    names = ("name", "points", "stock", "photo", "description", "valid_from", "valid_until")
    values = {name: getattr(reward, name) for name in names}
    values |= {"per_person_limit": reward.per_person_limit, "merchant_id": reward.merchant_id}
    return {key: "" if value is None else str(value) for key, value in values.items()}
