"""The points mall (积分兑单) for any signed-in user: rewards on offer, redeem, my redemptions."""

from __future__ import annotations

from flask import current_app

from app.api import errors
from app.mall import queries
from app.mall.schemas import (
    RedemptionPageSchema,
    RedemptionSchema,
    RewardListArgsSchema,
    RewardPageSchema,
)
from app.mall.services import redeem as redeeming
from app.mall.services import redemptions
from app.orders.schemas import IdempotencyHeaderSchema
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("mall", __name__, description="积分兑单：礼品与兑换")


@blp.get("/mall/rewards")
@errors(404)
@auth_required()
@blp.arguments(RewardListArgsSchema, location="query")
@blp.response(200, RewardPageSchema)
def list_rewards(args):
    """今天可兑换的礼品（库存为 0 的仍列出，stock 为 0），新的在前"""
    return queries.list_on_offer(**args)


@blp.post("/mall/rewards/<int:reward_id>/redeem")
@errors(409)
@auth_required()
@blp.arguments(IdempotencyHeaderSchema, location="headers", as_kwargs=True)
@blp.response(201, RedemptionSchema)
def redeem(reward_id, idempotency_key=None):
    """兑换礼品：立即扣减积分，返回兑换码。409 OUT_OF_STOCK / INSUFFICIENT_POINTS /
    REDEMPTION_LIMIT_REACHED（每人限兑）/ REWARD_NOT_ON_OFFER（不在兑换期或已下架）"""
    return redeeming.redeem_reward(current_user(), reward_id, idempotency_key)


@blp.get("/my/redemptions")
@auth_required()
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, RedemptionPageSchema)
def my_redemptions(args):
    """我的兑换记录（新的在前）"""
    return queries.my_redemptions(current_user(), **args)


@blp.post("/my/redemptions/<int:redemption_id>/cancel")
@errors(409)
@auth_required()
@blp.response(200, RedemptionSchema)
def cancel_redemption(redemption_id):
    """取消待核销的兑换：积分与库存退回；其他状态 409 REDEMPTION_STATE_CONFLICT"""
    return redemptions.cancel(current_user(), redemption_id)


@blp.get("/my/redemptions/<int:redemption_id>/qrcode.png")
@auth_required()
@blp.response(200, content_type="image/png")
def redemption_qrcode(redemption_id):
    """兑换码的二维码图片（PNG），柜台扫码核销"""
    png = queries.qrcode_png(current_user(), redemption_id)
    return current_app.response_class(png, mimetype="image/png")
