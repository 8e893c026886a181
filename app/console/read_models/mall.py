"""The points mall's console pages as plain rows: a page of rewards with their merchant's
and community's names, a page of redemptions with who redeemed and who verified, and every
redemption of a period for the export, each in one statement."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.clock import day_end, day_start
from app.errors import NotFound
from app.extensions import db
from app.mall.codes import normalized
from app.mall.models import Redemption, Reward
from app.merchants.models import Merchant
from app.org.models import Community
from app.pagination import paginate

_VERIFIER = aliased(User)

_REWARDS = (
    select(Reward, Merchant.name.label("merchant_name"), Community.name.label("community_name"))
    .join(Community, Community.id == Reward.community_id)
    .outerjoin(Merchant, Merchant.id == Reward.merchant_id)
)

_REDEMPTIONS = (
    select(
        Redemption.id,
        Redemption.code,
        Redemption.status,
        Redemption.points,
        Redemption.created_at,
        Redemption.closed_at,
        Redemption.expires_at,
        Reward.name.label("reward_name"),
        Community.name.label("community_name"),
        User.shown_name.label("user_name"),
        _VERIFIER.shown_name.label("verifier_name"),
    )
    .join(Reward, Reward.id == Redemption.reward_id)
    .join(Community, Community.id == Reward.community_id)
    .join(User, User.id == Redemption.user_id)
    .outerjoin(_VERIFIER, _VERIFIER.id == Redemption.verified_by_id)
)


def scope_of(actor: User, community_id: int | None) -> set[int]:
    """The communities a page shows: all the actor manages, or the one picked among them;
    picking another community is NOT_FOUND, as for any object out of reach."""
    managed = managed_community_ids(actor)
    if community_id is None:
        return managed
    if community_id not in managed:
        raise NotFound()
    return {community_id}


def reward_page(community_ids: Iterable[int], limit: int, cursor: str | None) -> dict:
    stmt = _REWARDS.where(Reward.community_id.in_(list(community_ids)))
    return paginate(stmt, Reward.id, limit, cursor, rows=True)


def merchant_choices(community_ids: Iterable[int]) -> list:
    """Active merchants of the communities, for a reward's merchant select."""
    stmt = (
        select(Merchant.id, Merchant.name, Merchant.community_id)
        .where(Merchant.community_id.in_(list(community_ids)), Merchant.is_active.is_(True))
        .order_by(Merchant.community_id, Merchant.name)
    )
    return list(db.session.execute(stmt))


def redemption_page(
    community_ids: Iterable[int], status: str | None, limit: int, cursor: str | None
) -> dict:
    stmt = _filtered(community_ids, status)
    return paginate(stmt, Redemption.id, limit, cursor, rows=True)


def redemption_rows(
    community_ids: Iterable[int], status: str | None, first: date | None, last: date | None
):
    """Every redemption made from `first` to `last` (Beijing days, both included), oldest
    first, streamed as the export writes them."""
    stmt = _filtered(community_ids, status)
    if first is not None:
        stmt = stmt.where(Redemption.created_at >= day_start(first))
    if last is not None:
        stmt = stmt.where(Redemption.created_at < day_end(last))
    return db.session.execute(stmt.order_by(Redemption.id).execution_options(yield_per=500))


def _filtered(community_ids: Iterable[int], status: str | None) -> Select:
    stmt = _REDEMPTIONS.where(Reward.community_id.in_(list(community_ids)))
    return stmt if status is None else stmt.where(Redemption.status == status)


def code_state(community_ids: Iterable[int], code: str):
    """(status, closed_at, expires_at) of a code of the communities, to say why it was refused."""
    stmt = (
        select(Redemption.status, Redemption.closed_at, Redemption.expires_at)
        .join(Reward, Reward.id == Redemption.reward_id)
        .where(Redemption.code == normalized(code), Reward.community_id.in_(list(community_ids)))
    )
    return db.session.execute(stmt).first()
