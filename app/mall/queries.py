"""Reads of the points mall: the caller's redemptions, the redemptions staff and merchants
see, and a code's QR image."""

from __future__ import annotations

import io

import segno
from sqlalchemy import select

from app.accounts.models import User
from app.clock import beijing_today, utcnow
from app.errors import NotFound
from app.mall.access import (
    own_redemption,
    reachable_communities,
    reaches_rewards,
    require_community,
)
from app.mall.models import Redemption, Reward
from app.mall.offer import on_offer
from app.pagination import paginate


def list_on_offer(limit: int, cursor: str | None = None, community_id: int | None = None) -> dict:
    """Rewards on offer today, newest first; of one community when it is given."""
    stmt = select(Reward).where(*on_offer(beijing_today(utcnow())))
    if community_id is not None:
        require_community(community_id)
        stmt = stmt.where(Reward.community_id == community_id)
    return paginate(stmt, Reward.id, limit, cursor)


def my_redemptions(actor: User, limit: int, cursor: str | None = None) -> dict:
    stmt = select(Redemption).where(Redemption.user_id == actor.id)
    return paginate(stmt, Redemption.id, limit, cursor)


def staff_redemptions(
    actor: User,
    limit: int,
    cursor: str | None = None,
    status: str | None = None,
    community_id: int | None = None,
) -> dict:
    """Redemptions of the rewards the actor reaches (their communities', or as a merchant
    their own), newest first; `community_id` picks one of the actor's communities."""
    stmt = (
        select(Redemption)
        .join(Reward, Reward.id == Redemption.reward_id)
        .where(reaches_rewards(actor))
    )
    if community_id is not None:
        if community_id not in reachable_communities(actor):
            raise NotFound()
        stmt = stmt.where(Reward.community_id == community_id)
    if status is not None:
        stmt = stmt.where(Redemption.status == status)
    return paginate(stmt, Redemption.id, limit, cursor)


def qrcode_png(actor: User, redemption_id: int) -> bytes:
    """The PNG of the redemption's code, for its owner to show at the counter."""
    redemption = own_redemption(actor, redemption_id)
    out = io.BytesIO()
    segno.make(redemption.code, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()
