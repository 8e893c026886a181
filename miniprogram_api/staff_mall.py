"""The points mall for staff (rewards of their communities) and merchants (核销 of their own
rewards' codes)."""

from __future__ import annotations

from functools import wraps

from app.accounts.models import STAFF_ROLES, Role
from app.api import errors
from app.mall import access, queries
from app.mall.schemas import (
    RedemptionPageSchema,
    RedemptionSchema,
    RewardFieldsSchema,
    RewardInSchema,
    RewardSchema,
    StaffRedemptionArgsSchema,
    VerifySchema,
)
from app.mall.services import redemptions, rewards
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user


def reward_in_reach(view):
    """404 for a reward outside the caller's communities before the body is read, so that
    NOT_FOUND wins over VALIDATION_ERROR as the contract orders them."""

    @wraps(view)
    def wrapped(*args, reward_id, **kwargs):
        access.managed_reward(current_user(), reward_id)
        return view(*args, reward_id=reward_id, **kwargs)

    return wrapped


blp = Blueprint("staff_mall", __name__, description="积分兑单：礼品管理与核销")
VERIFIERS = (*STAFF_ROLES, Role.MERCHANT)


@blp.post("/staff/rewards")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(RewardInSchema)
@blp.response(201, RewardSchema)
def create_reward(data):
    """上架礼品（本社区，可注明提供礼品的商户）"""
    return rewards.create_reward(current_user(), data)


@blp.patch("/staff/rewards/<int:reward_id>")
@errors(404)
@auth_required(*STAFF_ROLES)
@reward_in_reach
@blp.arguments(RewardFieldsSchema)
@blp.response(200, RewardSchema)
def update_reward(data, reward_id):
    """修改礼品：名称、积分、库存（设为给定数量）、兑换期、每人限兑、下架（is_active false）"""
    return rewards.update_reward(current_user(), reward_id, data)


@blp.post("/staff/redemptions/verify")
@errors(404, 409)
@auth_required(*VERIFIERS)
@blp.arguments(VerifySchema)
@blp.response(200, RedemptionSchema)
def verify_redemption(data):
    """核销兑换码：本社区工作人员，或提供该礼品的商户账号"""
    return redemptions.verify(current_user(), data["code"])


@blp.get("/staff/redemptions")
@errors(404)
@auth_required(*VERIFIERS)
@blp.arguments(StaffRedemptionArgsSchema, location="query")
@blp.response(200, RedemptionPageSchema)
def list_redemptions(args):
    """本社区礼品（商户：自己的礼品）的兑换记录，可按 status、community_id 筛选"""
    return queries.staff_redemptions(current_user(), **args)
