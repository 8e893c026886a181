"""Input and output of the points mall (积分兑单)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.mall.labels import REDEMPTION_STATUS
from app.mall.models import RedemptionStatus
from app.pagination import PageArgsSchema, page_schema
from app.validation import MAX_ID, no_control, photo_url, record_id, text, text_id

_POSITIVE = validate.Range(min=1, max=MAX_ID, error="应为大于 0 的整数")
_NOT_NEGATIVE = validate.Range(min=0, max=MAX_ID, error="应为不小于 0 的整数")


class RewardFieldsSchema(ma.Schema):
    """What staff may set on a reward; all optional here (PATCH)."""

    name = text(50, metadata={"description": "礼品名称，1–50 字"})
    points = ma.fields.Integer(
        strict=True, validate=_POSITIVE, metadata={"description": "所需积分"}
    )
    stock = ma.fields.Integer(strict=True, validate=_NOT_NEGATIVE, metadata={"description": "库存"})
    photo = photo_url(allow_none=True, metadata={"description": "图片（https 网址）"})
    description = text(2000, multiline=True, allow_none=True)
    valid_from = ma.fields.Date(metadata={"description": "兑换开始日期（北京时间，含当天）"})
    valid_until = ma.fields.Date(
        allow_none=True, metadata={"description": "兑换截止日期（含当天），不填为长期"}
    )
    per_person_limit = ma.fields.Integer(
        strict=True, validate=_POSITIVE, allow_none=True, metadata={"description": "每人限兑"}
    )
    merchant_id = record_id(allow_none=True, metadata={"description": "提供礼品的商户"})
    is_active = ma.fields.Boolean(metadata={"description": "false 为下架"})


class RewardInSchema(RewardFieldsSchema):
    name = text(50, required=True, metadata={"description": "礼品名称，1–50 字"})
    points = ma.fields.Integer(required=True, strict=True, validate=_POSITIVE)
    stock = ma.fields.Integer(required=True, strict=True, validate=_NOT_NEGATIVE)
    community_id = record_id(required=True)


class RewardSchema(ma.Schema):
    id = ma.fields.Integer()
    community_id = ma.fields.Integer()
    merchant_id = ma.fields.Integer(allow_none=True)
    name = ma.fields.String()
    photo = ma.fields.String(allow_none=True)
    description = ma.fields.String(allow_none=True)
    points = ma.fields.Integer()
    stock = ma.fields.Integer()
    per_person_limit = ma.fields.Integer(allow_none=True)
    valid_from = ma.fields.Date()
    valid_until = ma.fields.Date(allow_none=True)
    is_active = ma.fields.Boolean()


RewardPageSchema = page_schema(RewardSchema, "RewardPage")


class RewardListArgsSchema(PageArgsSchema):
    community_id = text_id()


class RedemptionSchema(ma.Schema):
    id = ma.fields.Integer()
    reward_id = ma.fields.Integer()
    reward_name = ma.fields.String(attribute="reward.name")
    user_id = ma.fields.Integer()
    points = ma.fields.Integer()
    status = ma.fields.String(
        metadata={
            "description": "pending 待核销 / fulfilled 已核销 / cancelled 已取消 / expired 已过期"
        }
    )
    status_label = ma.fields.Function(lambda r: REDEMPTION_STATUS.get(r.status, r.status))
    code = ma.fields.String(metadata={"description": "兑换码，柜台核销时出示"})
    expires_at = ma.fields.DateTime()
    created_at = ma.fields.DateTime()
    closed_at = ma.fields.DateTime(allow_none=True)
    verified_by_id = ma.fields.Integer(allow_none=True)


RedemptionPageSchema = page_schema(RedemptionSchema, "RedemptionPage")


class StaffRedemptionArgsSchema(PageArgsSchema):
    status = ma.fields.String(validate=validate.OneOf([s.value for s in RedemptionStatus]))
    community_id = text_id()


class VerifySchema(ma.Schema):
    code = ma.fields.String(
        required=True,
        validate=[validate.Length(min=1, max=32), no_control],
        metadata={"description": "兑换码（不区分大小写，可含空格或短横线）"},
    )
