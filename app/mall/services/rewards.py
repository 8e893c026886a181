"""Rewards (礼品): staff of a community offer them, optionally on a merchant's behalf."""

from __future__ import annotations

from datetime import date

from app.accounts.models import User
from app.auth.permissions import require_managed_community
from app.clock import beijing_today, utcnow
from app.errors import ValidationError
from app.extensions import db
from app.mall.access import check_merchant, managed_reward
from app.mall.models import Reward
from app.transaction import use_case


@use_case
def create_reward(actor: User, data: dict) -> Reward:
    require_managed_community(actor, data["community_id"])
    check_merchant(data["community_id"], data.get("merchant_id"))
    values = {"valid_from": beijing_today(utcnow()), **data}
    _check_period(values["valid_from"], values.get("valid_until"))
    reward = Reward(created_by_id=actor.id, **values)
    db.session.add(reward)
    db.session.flush()
    return reward


@use_case
def update_reward(actor: User, reward_id: int, data: dict) -> Reward:
    """Edit a reward: its text, points, stock (set to the number given), period, limit,
    merchant, or deactivate it. A redemption made already keeps what it cost."""
    reward = managed_reward(actor, reward_id)
    if "merchant_id" in data:
        check_merchant(reward.community_id, data["merchant_id"])
    _check_period(
        data.get("valid_from", reward.valid_from), data.get("valid_until", reward.valid_until)
    )
    for name, value in data.items():
        setattr(reward, name, value)
    db.session.flush()
    return reward


def _check_period(valid_from: date, valid_until: date | None) -> None:
    if valid_until is not None and valid_until < valid_from:
        raise ValidationError(details={"valid_until": ["结束日期不能早于开始日期"]})
