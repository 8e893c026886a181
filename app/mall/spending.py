"""What a redemption takes (stock, a place under the limit, points) and gives back.

兑换: a user spends points on a reward. Stock, the per-person limit and the balance are
each one conditional statement in one transaction, in the contract's order of refusals
(stock, then points), so a refusal writes nothing and no race takes any below zero."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from typing import cast

from flask import current_app
from sqlalchemy import Table, bindparam, update

from app.accounts.models import User
from app.clock import beijing_today, day_end, utcnow
from app.db_types import upsert
from app.errors import NotFound, OutOfStock, RedemptionLimitReached, RewardNotOnOffer
from app.extensions import db
from app.mall.codes import new_code
from app.mall.models import Redemption, Reward, RewardClaim
from app.mall.offer import on_offer
from app.points.models import PointsReason
from app.points.services import post_entry

REWARDS = cast(Table, Reward.__table__)
CLAIMS = cast(Table, RewardClaim.__table__)
NO_LIMIT = 2**31 - 1


def redeem(actor: User, reward_id: int) -> Redemption:
    """A pending redemption; part of the caller's transaction (app.mall.services.redeem)."""
    now = utcnow()
    reward = _take_one(reward_id, now)
    _claim(reward.id, actor.id, reward.per_person_limit)
    redemption = Redemption(
        reward_id=reward.id,
        user_id=actor.id,
        points=reward.points,
        code=new_code(),
        expires_at=_expiry(now, reward),
        created_at=now,
    )
    db.session.add(redemption)
    db.session.flush()
    note = f"兑换：{reward.name}"
    post_entry(
        actor.id,
        -reward.points,
        PointsReason.REDEMPTION,
        redemption_id=redemption.id,
        note=note,
        created_at=now,
    )
    return redemption


def _take_one(reward_id: int, now: datetime):
    """One unit of stock of a reward on offer, by a conditional UPDATE; its row."""
    taken = db.session.execute(
        update(REWARDS)
        .where(REWARDS.c.id == reward_id, REWARDS.c.stock > 0, *on_offer(beijing_today(now)))
        .values(stock=REWARDS.c.stock - 1)
        .returning(
            REWARDS.c.id,
            REWARDS.c.name,
            REWARDS.c.points,
            REWARDS.c.per_person_limit,
            REWARDS.c.valid_until,
        )
    ).first()
    if taken is not None:
        return taken
    reward = db.session.get(Reward, reward_id)
    if reward is None:
        raise NotFound()
    if reward.stock <= 0:
        raise OutOfStock()
    raise RewardNotOnOffer()


def _claim(reward_id: int, user_id: int, limit: int | None) -> None:
    """One more live redemption of the reward by the user, while under the limit."""
    params = {"rid": reward_id, "uid": user_id, "cap": limit or NO_LIMIT}
    held = db.session.execute(_claim_statement(db.engine.dialect.name), params).scalar()
    if held is None:
        raise RedemptionLimitReached()


@cache
def _claim_statement(dialect: str):
    insert = upsert(CLAIMS, dialect).values(
        reward_id=bindparam("rid"), user_id=bindparam("uid"), held=1
    )
    return insert.on_conflict_do_update(
        index_elements=["reward_id", "user_id"],
        set_={"held": CLAIMS.c.held + 1},
        where=CLAIMS.c.held < bindparam("cap"),
    ).returning(CLAIMS.c.held)


def release_claim(reward_id: int, user_id: int) -> None:
    """A cancelled or expired redemption no longer counts against the limit."""
    db.session.execute(
        update(CLAIMS)
        .where(CLAIMS.c.reward_id == reward_id, CLAIMS.c.user_id == user_id, CLAIMS.c.held > 0)
        .values(held=CLAIMS.c.held - 1)
    )


def _expiry(now: datetime, reward) -> datetime:
    fixed = now + timedelta(days=current_app.config["REDEMPTION_VALID_DAYS"])
    if reward.valid_until is None:
        return fixed
    return min(fixed, day_end(reward.valid_until))


def give_back(redemption: Redemption, note: str) -> None:
    """A cancelled or expired redemption's stock, limit place and points (one entry)."""
    db.session.execute(
        update(REWARDS)
        .where(REWARDS.c.id == redemption.reward_id)
        .values(stock=REWARDS.c.stock + 1)
    )
    release_claim(redemption.reward_id, redemption.user_id)
    post_entry(
        redemption.user_id,
        redemption.points,
        PointsReason.REDEMPTION_REFUND,
        redemption_id=redemption.id,
        note=note,
    )
