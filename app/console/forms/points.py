"""The console's form of a staff adjustment of a member's points (人工调整)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.validation import MAX_ID, text


class AdjustmentFormSchema(ma.Schema):
    """As the API's, but read from a form: the number arrives as text."""

    delta = ma.fields.Integer(
        required=True,
        validate=[
            validate.Range(min=-MAX_ID, max=MAX_ID, error="请填写合理的积分数"),
            validate.NoneOf([0], error="调整的积分不能为 0"),
        ],
        error_messages={"invalid": "请填写整数，扣减用负数"},
    )
    reason = text(200, required=True)
