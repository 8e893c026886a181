"""Input and output of the points ledger (先锋积分)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.clock import beijing_today, utcnow
from app.points.labels import REASON_LABELS
from app.points.models import PointsReason
from app.validation import MAX_ID, text


class PointsEntrySchema(ma.Schema):
    id = ma.fields.Integer()
    delta = ma.fields.Integer(metadata={"description": "积分变动，正数为获得，负数为扣减"})
    reason = ma.fields.String(
        metadata={"description": " / ".join(reason.value for reason in PointsReason)}
    )
    reason_label = ma.fields.Function(
        lambda entry: REASON_LABELS.get(entry.reason, entry.reason),
        metadata={"description": "变动原因（中文）"},
    )
    order_id = ma.fields.Integer(allow_none=True)
    redemption_id = ma.fields.Integer(allow_none=True)
    activity_id = ma.fields.Integer(allow_none=True, metadata={"description": "签到的活动"})
    actor_id = ma.fields.Integer(allow_none=True, metadata={"description": "人工调整的工作人员"})
    note = ma.fields.String(allow_none=True)
    at = ma.fields.DateTime(attribute="created_at")


class LedgerSchema(ma.Schema):
    balance = ma.fields.Integer(metadata={"description": "当前积分余额"})
    items = ma.fields.List(ma.fields.Nested(PointsEntrySchema))
    next_cursor = ma.fields.String(allow_none=True)


class AdjustmentInSchema(ma.Schema):
    delta = ma.fields.Integer(
        required=True,
        strict=True,
        validate=[
            validate.Range(min=-MAX_ID, max=MAX_ID),
            validate.NoneOf([0], error="调整的积分不能为 0"),
        ],
        metadata={"description": "正数为增加，负数为扣减，不能为 0"},
    )
    reason = text(200, required=True, metadata={"description": "调整原因，1–200 字"})


class AdjustmentSchema(ma.Schema):
    entry = ma.fields.Nested(PointsEntrySchema)
    balance = ma.fields.Integer(metadata={"description": "调整后的积分余额"})


class StatementArgsSchema(ma.Schema):
    year = ma.fields.Integer(
        load_default=lambda: beijing_today(utcnow()).year,
        validate=validate.Range(min=2000, max=2100, error="年份应在 2000 到 2100 之间"),
    )


class StatementSchema(ma.Schema):
    year = ma.fields.Integer()
    opening_balance = ma.fields.Integer(metadata={"description": "年初余额"})
    credits = ma.fields.Integer(metadata={"description": "本年获得合计"})
    debits = ma.fields.Integer(metadata={"description": "本年扣减合计（正数）"})
    closing_balance = ma.fields.Integer(metadata={"description": "年末余额"})
    items = ma.fields.List(ma.fields.Nested(PointsEntrySchema))
