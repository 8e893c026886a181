"""The statistics' input (a period of Beijing days) and their answer (CONTRACT §6.7)."""

from __future__ import annotations

import marshmallow as ma


class CategoryCountSchema(ma.Schema):
    category_id = ma.fields.Integer()
    name = ma.fields.String()
    count = ma.fields.Integer(metadata={"description": "期间提交的工单数"})


class DayCountSchema(ma.Schema):
    date = ma.fields.Date()
    created = ma.fields.Integer(metadata={"description": "当天提交的工单数"})
    completed = ma.fields.Integer(metadata={"description": "当天完成服务的工单数"})


def _rate(description: str) -> ma.fields.Float:
    return ma.fields.Float(
        allow_none=True, metadata={"description": f"{description}；无可计时为 null"}
    )


class StatsSchema(ma.Schema):
    orders_created = ma.fields.Integer(metadata={"description": "期间提交的工单数"})
    orders_completed = ma.fields.Integer(metadata={"description": "其中已完成、已评价或已办结的"})
    response_rate = _rate("响应率：期间提交且未驳回、未取消的工单中党员接单的比例")
    resolution_rate = _rate("解决率：同上工单中已完成、已评价或已办结的比例")
    satisfaction_rate = _rate("满意率：期间作出的评价中四星、五星的比例")
    by_category = ma.fields.List(ma.fields.Nested(CategoryCountSchema))
    by_day = ma.fields.List(
        ma.fields.Nested(DayCountSchema), metadata={"description": "期间每一天"}
    )
