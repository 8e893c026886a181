"""When a reward is on offer: active, and today within its dates (a stock of 0 stays
listed)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_

from app.mall.models import Reward


def on_offer(today: date):
    return (
        Reward.is_active.is_(True),
        Reward.valid_from <= today,
        or_(Reward.valid_until.is_(None), Reward.valid_until >= today),
    )
