"""Output of the member's points ledger (先锋积分)."""

from __future__ import annotations

import marshmallow as ma

from app.points.labels import REASON_LABELS


class PointsEntrySchema(ma.Schema):
    id = ma.fields.Integer()
    delta = ma.fields.Integer(metadata={"description": "积分变动，正数为获得，负数为扣减"})
    reason = ma.fields.String(metadata={"description": "order_completed / redemption / adjustment"})
    reason_label = ma.fields.Function(
        lambda entry: REASON_LABELS.get(entry.reason, entry.reason),
        metadata={"description": "变动原因（中文）"},
    )
    order_id = ma.fields.Integer(allow_none=True)
    note = ma.fields.String(allow_none=True)
    at = ma.fields.DateTime(attribute="created_at")


class LedgerSchema(ma.Schema):
    balance = ma.fields.Integer(metadata={"description": "当前积分余额"})
    items = ma.fields.List(ma.fields.Nested(PointsEntrySchema))
    next_cursor = ma.fields.String(allow_none=True)
