"""Order input schemas (the contract's input rules) and output schemas per audience.

Control characters: `description` and a completion `note` may contain line breaks (`\\n`
only; a `\\r` or a tab is refused), every other text field refuses all control characters
(C0, DEL and C1)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate, validates_schema

from app.orders.labels import STATUS_LABELS
from app.orders.models import OrderStatus
from app.pagination import PageArgsSchema, page_schema
from app.validation import StrictFloat, no_control, phone, photo_list, record_id, text

# --- input ----------------------------------------------------------------------------------


class OrderCreateSchema(ma.Schema):
    community_id = record_id(required=True)
    item_id = record_id(required=True)
    description = text(2000, multiline=True, required=True)
    address = text(200, required=True)
    contact_phone = phone(required=True)
    contact_name = text(50, allow_none=True, load_default=None)
    latitude = StrictFloat(
        allow_none=True, load_default=None, validate=validate.Range(min=-90, max=90)
    )
    longitude = StrictFloat(
        allow_none=True, load_default=None, validate=validate.Range(min=-180, max=180)
    )
    photos = photo_list(load_default=list)

    @validates_schema
    def _both_coordinates(self, data, **kwargs):
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            field = "longitude" if data.get("longitude") is None else "latitude"
            raise ma.ValidationError("经纬度需同时提供", field)


class OnBehalfInSchema(ma.Schema):
    """代点单 through the API (POST /staff/orders): the console form's fields, as JSON."""

    community_id = record_id(load_default=None, metadata={"description": "只管理一个社区时可不填"})
    item_id = record_id(required=True)
    contact_name = text(50, required=True, metadata={"description": "居民姓名"})
    contact_phone = phone(required=True, metadata={"description": "居民手机号：按此找到或建立居民"})
    address = text(200, required=True)
    description = text(2000, multiline=True, required=True)
    grid_id = record_id(load_default=None)
    building_id = record_id(load_default=None)
    approve = fields.Boolean(load_default=False, metadata={"description": "true：同时审核通过"})


class IdempotencyHeaderSchema(ma.Schema):
    idempotency_key = fields.String(
        data_key="Idempotency-Key",
        load_default=None,
        validate=[validate.Length(min=1, max=255), no_control],
        metadata={"description": "幂等键（1–255 个字符）：同一内容重复提交只建一张工单"},
    )


class RatingSchema(ma.Schema):
    stars = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=5))
    comment = text(500, multiline=True, allow_none=True, load_default=None)


class RejectSchema(ma.Schema):
    reason = text(200, required=True)


class ReopenSchema(ma.Schema):
    reason = text(
        200, required=True, metadata={"description": "重新办理的原因（居民和接单党员可见）"}
    )


class NoteSchema(ma.Schema):
    body = text(1000, multiline=True, required=True, metadata={"description": "仅工作人员可见"})


class DispatchSchema(ma.Schema):
    member_id = record_id(required=True, metadata={"description": "党员的用户 id（/me 中的 id）"})


class CompleteSchema(ma.Schema):
    note = text(2000, multiline=True, allow_none=True, load_default=None)
    photos = photo_list(load_default=list)


class StrictBoolean(fields.Boolean):
    """A JSON true or false only: "yes" or 1 is refused."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class FollowUpSchema(ma.Schema):
    reached = StrictBoolean(required=True, metadata={"description": "是否联系上居民"})
    satisfied = StrictBoolean(
        allow_none=True,
        load_default=None,
        metadata={"description": "居民是否满意（联系上时必填，否则不填）"},
    )
    note = text(500, multiline=True, allow_none=True, load_default=None)


class OrderListArgsSchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf([s.value for s in OrderStatus]))


# --- output ---------------------------------------------------------------------------------


def mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else "****"


class OrderItemSchema(ma.Schema):
    id = fields.Integer()
    name = fields.String()
    points = fields.Integer()


class TimelineEntrySchema(ma.Schema):
    status = fields.String(attribute="to_status")
    status_label = fields.Function(lambda event: STATUS_LABELS.get(event.to_status, ""))
    from_status = fields.String(allow_none=True)
    action = fields.String()
    at = fields.DateTime()
    actor_id = fields.Integer(allow_none=True)
    note = fields.String(allow_none=True)


class OrderSchema(ma.Schema):
    id = fields.Integer()
    status = fields.String()
    status_label = fields.Function(lambda order: STATUS_LABELS.get(order.status, ""))
    source = fields.String(
        metadata={"description": "miniprogram 小程序 / desk 工作人员代点单 / device 一键通"}
    )
    community_id = fields.Integer()
    resident_id = fields.Integer()
    item = fields.Nested(OrderItemSchema)
    description = fields.String()
    address = fields.String()
    contact_name = fields.String(allow_none=True)
    contact_phone = fields.String(
        metadata={"description": "非本人、本社区工作人员、已接单党员时打码"}
    )
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)
    photos = fields.List(fields.String())
    member_id = fields.Integer(allow_none=True)
    team_id = fields.Integer(
        allow_none=True, metadata={"description": "派给的服务团队（团队中一人接单后仍保留）"}
    )
    reject_reason = fields.String(allow_none=True)
    completion_note = fields.String(allow_none=True)
    completion_photos = fields.List(fields.String())
    stars = fields.Integer(allow_none=True)
    comment = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class FollowUpOutSchema(ma.Schema):
    id = fields.Integer()
    order_id = fields.Integer()
    staff_id = fields.Integer()
    reached = fields.Boolean()
    satisfied = fields.Boolean(allow_none=True)
    note = fields.String(allow_none=True)
    created_at = fields.DateTime()


class NoteOutSchema(ma.Schema):
    id = fields.Integer()
    order_id = fields.Integer()
    author_id = fields.Integer()
    author_name = fields.String(attribute="author.shown_name")
    body = fields.String()
    created_at = fields.DateTime()


NotePageSchema = page_schema(NoteOutSchema, "NotePage")


class CandidateSchema(ma.Schema):
    member_id = fields.Integer(attribute="user_id", metadata={"description": "派单时用的党员 id"})
    name = fields.String()
    phone = fields.String(allow_none=True)
    unit_name = fields.String()
    skills = fields.List(fields.String())
    open_orders = fields.Integer(metadata={"description": "手头在办的工单数"})
    avg_stars = fields.Float(allow_none=True, metadata={"description": "近 90 天平均星级"})
    ratings = fields.Integer(metadata={"description": "近 90 天评价次数"})
    score = fields.Integer()
    building_lead = fields.Boolean(
        metadata={"description": "是否为工单所在楼栋的党员楼栋长（排在首位）"}
    )
    reasons = fields.Function(
        lambda candidate: [r.text for r in candidate.reasons], metadata={"description": "排序理由"}
    )


class CandidateListSchema(ma.Schema):
    items = fields.List(fields.Nested(CandidateSchema), metadata={"description": "最合适的在前"})


class OrderDetailSchema(OrderSchema):
    timeline = fields.List(
        fields.Nested(TimelineEntrySchema),
        attribute="events",
        metadata={"description": "状态变化，最早的在前"},
    )


OrderPageSchema = page_schema(OrderSchema, "OrderPage")
