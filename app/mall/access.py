"""Who reaches a reward or a redemption: staff of the reward's community manage it; the
merchant account of the reward's merchant verifies its codes and sees its redemptions. Out
of reach is NOT_FOUND, never FORBIDDEN."""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, or_, select

from app.accounts.models import Role, User
from app.auth.permissions import managed_community_ids
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.mall.models import Redemption, Reward
from app.merchants.models import Merchant
from app.org.models import Community


def managed_reward(actor: User, reward_id: int) -> Reward:
    reward = db.session.get(Reward, reward_id)
    if reward is None or reward.community_id not in managed_community_ids(actor):
        raise NotFound()
    return reward


def require_community(community_id: int) -> None:
    if db.session.get(Community, community_id) is None:
        raise NotFound()


def check_merchant(community_id: int, merchant_id: int | None) -> None:
    """A reward's merchant is an active merchant of the reward's community (422 otherwise)."""
    if merchant_id is None:
        return
    merchant = db.session.get(Merchant, merchant_id)
    if merchant is None or merchant.community_id != community_id or not merchant.is_active:
        raise ValidationError(details={"merchant_id": ["请选择本社区的商户"]})


def reaches_rewards(actor: User) -> ColumnElement[bool]:
    """A condition on Reward: the rewards whose redemptions the actor verifies and lists."""
    conditions: list[ColumnElement[bool]] = []
    managed = managed_community_ids(actor)
    if managed:
        conditions.append(Reward.community_id.in_(managed))
    if actor.has_any_role((Role.MERCHANT,)):
        own = select(Merchant.id).where(Merchant.account_id == actor.id)
        conditions.append(Reward.merchant_id.in_(own))
    return or_(*conditions) if conditions else false()


def reachable_communities(actor: User) -> set[int]:
    """The communities whose redemptions the actor may filter by."""
    merchants = select(Merchant.community_id).where(Merchant.account_id == actor.id)
    return managed_community_ids(actor) | set(db.session.scalars(merchants))


def own_redemption(actor: User, redemption_id: int) -> Redemption:
    redemption = db.session.get(Redemption, redemption_id)
    if redemption is None or redemption.user_id != actor.id:
        raise NotFound()
    return redemption
