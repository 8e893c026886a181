"""The console's points-mall forms: a reward's create and edit forms, the 核销 form, and the
query strings of the rewards and redemptions pages and of the redemptions' export."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.console.forms.members import ScopeArgsSchema
from app.mall.models import RedemptionStatus
from app.validation import MAX_ID, photo_url, text, text_id


def _date(**kwargs) -> ma.fields.Date:
    """A date as a date input sends it."""
    return ma.fields.Date(error_messages={"invalid": "日期格式应为 YYYY-MM-DD"}, **kwargs)


def _count(minimum: int, error: str, **kwargs) -> ma.fields.Integer:
    """A whole number typed in a form ("30" is read as 30)."""
    return ma.fields.Integer(
        validate=validate.Range(min=minimum, max=MAX_ID, error=error),
        error_messages={"invalid": "请填写整数", **kwargs.pop("error_messages", {})},
        **kwargs,
    )


class RewardEditFormSchema(ma.Schema):
    """Every field of the edit form; an optional one left empty is cleared (None)."""

    CLEARABLE = ("photo", "description", "valid_until", "per_person_limit", "merchant_id")

    name = text(50, required=True, error_messages={"required": "请填写礼品名称"})
    points = _count(
        1, "所需积分应大于 0", required=True, error_messages={"required": "请填写所需积分"}
    )
    stock = _count(0, "库存不能为负数", required=True, error_messages={"required": "请填写库存"})
    photo = photo_url()
    description = text(2000, multiline=True)
    valid_from = _date()
    valid_until = _date()
    per_person_limit = _count(1, "每人限兑应大于 0")
    merchant_id = text_id()

    @ma.post_load
    def cleared(self, data: dict, **kwargs) -> dict:
        return dict.fromkeys(self.CLEARABLE) | data


class RewardFormSchema(RewardEditFormSchema):
    community_id = text_id(required=True, error_messages={"required": "请选择社区"})

    @ma.post_load
    def cleared(self, data: dict, **kwargs) -> dict:
        return data  # a new reward: nothing to clear


class RewardArgsSchema(ScopeArgsSchema):
    pass


class RedemptionArgsSchema(ScopeArgsSchema):
    status = ma.fields.String(
        validate=validate.OneOf([s.value for s in RedemptionStatus], error="无效的兑换状态")
    )


class VerifyFormSchema(ma.Schema):
    code = text(32, required=True, error_messages={"required": "请输入兑换码"})


class ExportArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    status = RedemptionArgsSchema._declared_fields["status"]
    community_id = text_id()
    from_ = _date(data_key="from")
    to = _date()

    @ma.validates_schema
    def ordered(self, data: dict, **kwargs) -> None:
        if data.get("from_") and data.get("to") and data["from_"] > data["to"]:
            raise ma.ValidationError("开始日期不能晚于结束日期", "from")
