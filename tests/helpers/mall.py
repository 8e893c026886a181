"""The points mall in tests: rewards and merchants written straight to the database, points
given through the ledger, and the mall's calls. Paths are under /api/v1."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import Role, UserRole
from app.clock import beijing_today, utcnow
from app.extensions import db
from app.mall.models import Redemption, Reward
from app.merchants.models import Merchant
from app.points.models import PointsReason
from app.points.services import post_entry
from tests.helpers import factories
from tests.helpers.api import call, post


def reward(community, *, points: int = 10, stock: int = 5, **fields) -> Reward:
    """A reward on offer today, made by the community's first staff member. Commits."""
    values = {
        "name": "洗衣液一瓶",
        "points": points,
        "stock": stock,
        "valid_from": beijing_today(utcnow()),
        "created_by_id": fields.pop("created_by_id", None) or factories.staff(community).id,
    }
    obj = Reward(community_id=community.id, **(values | fields))
    db.session.add(obj)
    db.session.commit()
    return obj


def merchant(community, *, with_account: bool = True) -> Merchant:
    """A merchant of `community`, with its account (role merchant) unless told. Commits."""
    account = None
    if with_account:
        account = factories.user(UserRole(role=Role.MERCHANT), username=f"shop{factories._n()}")
    obj = Merchant(
        community_id=community.id,
        name="便民小超市",
        category="grocery",
        address="社区南门",
        latitude=28.68,
        longitude=115.89,
        account_id=account.id if account else None,
    )
    db.session.add(obj)
    db.session.commit()
    return obj


def give_points(user, points: int) -> None:
    """Credit `points` to `user` through the ledger (an adjustment). Commits."""
    post_entry(user.id, points, PointsReason.ADJUSTMENT, note="测试积分")
    db.session.commit()


def redeem(client, user, reward_id: int, key: str | None = None):
    headers = {"Idempotency-Key": key} if key else None
    return call(client, user, "post", f"/mall/rewards/{reward_id}/redeem", headers=headers)


def verify(client, user, code: str):
    return post(client, user, "/staff/redemptions/verify", {"code": code})


def cancel(client, user, redemption_id: int):
    return post(client, user, f"/my/redemptions/{redemption_id}/cancel")


def stock_of(reward_id: int) -> int:
    db.session.expire_all()
    return db.session.scalar(select(Reward.stock).where(Reward.id == reward_id))


def status_of(redemption_id: int) -> str:
    db.session.expire_all()
    return db.session.scalar(select(Redemption.status).where(Redemption.id == redemption_id))


def reward_body(community, **overrides) -> dict:
    return {"name": "社区定制帆布袋", "points": 30, "stock": 20, "community_id": community.id} | (
        overrides
    )
