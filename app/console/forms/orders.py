"""The console's order forms and the queue's filters. HTML forms and query strings send
every value as text; the rules are the API's (`app.validation`)."""

from __future__ import annotations

from datetime import date

import marshmallow as ma
from marshmallow import fields, post_load, validate, validates_schema

from app.console.read_models.order_queue import STATUS_FILTERS
from app.orders.labels import ORDER_KIND_LABELS
from app.orders.models import OrderSource
from app.pagination import MAX_LIMIT, PageArgsSchema
from app.validation import MAX_ID, phone, text, text_id

PAGE_SIZE = 50

COMMON_REJECT_REASONS = [
    "不属于服务范围",
    "信息不完整无法联系",
    "重复提交",
    "已通过其他渠道解决",
    "建议拨打 12345 热线",
]
OTHER_REASON = "其他"


class RejectFormSchema(ma.Schema):
    """A common reason, or 其他 with a written one; a common reason may get a written note."""

    preset = fields.String(
        load_default=None,
        validate=validate.OneOf([*COMMON_REJECT_REASONS, OTHER_REASON], error="请从列表中选择原因"),
    )
    reason = text(200, load_default=None)

    @validates_schema
    def _one_reason(self, data, **kwargs):
        written, preset = data.get("reason"), data.get("preset")
        if not written and preset in (None, OTHER_REASON):
            raise ma.ValidationError("请选择或填写驳回原因", "reason")
        if written and preset not in (None, OTHER_REASON) and len(preset) + 1 + len(written) > 200:
            raise ma.ValidationError("加上所选原因后超过 200 字，请精简", "reason")

    @post_load
    def _combined(self, data, **kwargs):
        written, preset = data.get("reason"), data.get("preset")
        if preset in (None, OTHER_REASON):
            return {"reason": written}
        return {"reason": f"{preset}：{written}" if written else preset}


class DispatchFormSchema(ma.Schema):
    member_id = text_id(required=True, error_messages={"required": "请选择一名党员"})


class FollowUpFormSchema(ma.Schema):
    reached = fields.Boolean(required=True, error_messages={"required": "请选择是否联系上居民"})
    satisfied = fields.Boolean(load_default=None)
    note = text(500, multiline=True, load_default=None)


class ReopenFormSchema(ma.Schema):
    reason = text(200, required=True, error_messages={"required": "请填写重新办理的原因"})


class NoteFormSchema(ma.Schema):
    body = text(1000, multiline=True, required=True, error_messages={"required": "请填写备注内容"})


class OnBehalfSchema(ma.Schema):
    """代点单: the order a staff member enters for a resident, with the API's input rules."""

    community_id = text_id(load_default=None)
    item_id = text_id(required=True, error_messages={"required": "请选择服务项目"})
    contact_name = text(50, required=True)
    contact_phone = phone(required=True)
    address = text(200, required=True)
    description = text(2000, multiline=True, required=True)
    grid_id = text_id(load_default=None)
    building_id = text_id(load_default=None)
    approve = fields.Boolean(load_default=False)


def filter_date() -> fields.Date:
    # Bounded so that the Beijing-day arithmetic can never overflow.
    return fields.Date(
        validate=validate.Range(min=date(2000, 1, 1), max=date(2099, 12, 31), error="日期超出范围")
    )


class QueueFilterSchema(PageArgsSchema):
    limit = fields.Integer(
        load_default=PAGE_SIZE,
        validate=validate.Range(min=1, max=MAX_LIMIT, error="每页条数应在 1 到 100 之间"),
    )
    status = fields.String(validate=validate.OneOf(STATUS_FILTERS, error="未知的状态"))
    q = text(50)
    category_id = text_id()
    grid_id = text_id()
    community_id = text_id()
    source = fields.String(
        validate=validate.OneOf([s.value for s in OrderSource], error="未知的来源")
    )
    kind = fields.String(validate=validate.OneOf(list(ORDER_KIND_LABELS), error="未知的类型"))
    created_from = filter_date()
    created_to = filter_date()
    completed_on = filter_date()
    overdue = fields.Boolean()
    since = fields.Integer(validate=validate.Range(min=0, max=MAX_ID, error="无效的编号"))

    @ma.validates_schema
    def dates_in_order(self, data, **kwargs):
        start, end = data.get("created_from"), data.get("created_to")
        if start and end and end < start:
            raise ma.ValidationError("结束日期不能早于开始日期", "created_to")
