"""Order input schemas (the contract's input rules) and output schemas per audience.

Control characters: `description` and a completion `note` may contain line breaks (`\\n`
only; a `\\r` or a tab is refused), every other text field refuses all control characters
(C0, DEL and C1)."""
from __future__ import annotations


import marshmallow as ma
from marshmallow import fields, validate, validates_schema

from app.orders.access import Viewer
from app.orders.models import Order, OrderStatus
from app.orders.state import STATUS_LABELS
from app.pagination import PageArgsSchema, page_schema
from app.validation import (PHONE_PATTERN, StrictFloat, no_control, photo_list,
                            record_id, text)

# --- input ----------------------------------------------------------------------------------

class OrderCreateSchema(ma.Schema):
    community_id = record_id(required=True)
    item_id = record_id(required=True)
    description = text(2000, multiline=True, required=True)
    address = text(200, required=True)
    contact_phone = fields.String(required=True, validate=validate.Regexp(
        PHONE_PATTERN, error="应为 11 位手机号码"))
    contact_name = text(50, allow_none=True, load_default=None)
    latitude = StrictFloat(allow_none=True, load_default=None,
                           validate=validate.Range(min=-90, max=90))
    longitude = StrictFloat(allow_none=True, load_default=None,
                            validate=validate.Range(min=-180, max=180))
    photos = photo_list(load_default=list)

    @validates_schema
    def _both_coordinates(self, data, **kwargs):
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            field = "longitude" if data.get("longitude") is None else "latitude"
            raise ma.ValidationError("经纬度需同时提供", field)


class IdempotencyHeaderSchema(ma.Schema):
    idempotency_key = fields.String(
        data_key="Idempotency-Key", load_default=None,
        validate=[validate.Length(min=1, max=255), no_control],
        metadata={"description": "幂等键（1–255 个字符）：同一内容重复提交只建一张工单"})


class RatingSchema(ma.Schema):
    stars = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=5))
    comment = text(500, multiline=True, allow_none=True, load_default=None)


class RejectSchema(ma.Schema):
    reason = text(200, required=True)


class DispatchSchema(ma.Schema):
    member_id = record_id(required=True, metadata={"description": "党员的用户 id（/me 中的 id）"})


class CompleteSchema(ma.Schema):
    note = text(2000, multiline=True, allow_none=True, load_default=None)
    photos = photo_list(load_default=list)


class OrderListArgsSchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf([s.value for s in OrderStatus]))


# --- output ---------------------------------------------------------------------------------

def mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 7 else "****"


class ViewedOrder:
    """The order as one viewer sees it: the phone is masked unless the viewer may read it."""

    def __init__(self, order: Order, viewer: Viewer) -> None:
        self._order = order
        phone = order.contact_phone
        self.contact_phone = phone if viewer.sees_phone(order) else mask_phone(phone)

    def __getattr__(self, name):
        return getattr(self._order, name)


def present(order: Order, viewer: Viewer) -> ViewedOrder:
    return ViewedOrder(order, viewer)


def present_page(page: dict, viewer: Viewer) -> dict:
    return {**page, "items": [present(order, viewer) for order in page["items"]]}


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
    community_id = fields.Integer()
    resident_id = fields.Integer()
    item = fields.Nested(OrderItemSchema)
    description = fields.String()
    address = fields.String()
    contact_name = fields.String(allow_none=True)
    contact_phone = fields.String(metadata={"description": "非本人、本社区工作人员、已接单党员时打码"})
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)
    photos = fields.List(fields.String())
    member_id = fields.Integer(allow_none=True)
    reject_reason = fields.String(allow_none=True)
    completion_note = fields.String(allow_none=True)
    completion_photos = fields.List(fields.String())
    stars = fields.Integer(allow_none=True)
    comment = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class OrderDetailSchema(OrderSchema):
    timeline = fields.List(fields.Nested(TimelineEntrySchema), attribute="events",
                           metadata={"description": "状态变化，最早的在前"})


OrderPageSchema = page_schema(OrderSchema, "OrderPage")
