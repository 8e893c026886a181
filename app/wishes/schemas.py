"""微心愿 input and output schemas: a wish's answers are its order's (OrderSchema) with its
kind and value."""

from __future__ import annotations

import marshmallow as ma
from flask import current_app
from marshmallow import fields, validate

from app.orders.schemas import OrderDetailSchema, OrderSchema, StrictBoolean
from app.pagination import page_schema
from app.validation import phone, photo_list, record_id, text


def _within_max_value(value: int) -> None:
    highest = current_app.config["WISH_MAX_VALUE_YUAN"]
    if not 1 <= value <= highest:
        raise ma.ValidationError(f"心愿价值应在 1 到 {highest} 元之间")


class WishCreateSchema(ma.Schema):
    community_id = record_id(required=True)
    description = text(500, multiline=True, required=True, metadata={"description": "心愿内容"})
    value = fields.Integer(
        strict=True,
        required=True,
        validate=_within_max_value,
        metadata={"description": "心愿价值上限（元，不超过 WISH_MAX_VALUE_YUAN，默认 200）"},
    )
    address = text(200, required=True)
    contact_phone = phone(required=True)
    contact_name = text(50, allow_none=True, load_default=None)
    photos = photo_list(load_default=list)


class StaffWishCreateSchema(WishCreateSchema):
    contact_name = text(50, required=True, metadata={"description": "居民姓名"})


class FulfilSchema(ma.Schema):
    note = text(2000, multiline=True, allow_none=True, load_default=None)
    photos = photo_list(required=True, metadata={"description": "心愿完成的照片，1–9 张"})
    show_name = StrictBoolean(
        load_default=False, metadata={"description": "是否同意在心愿墙上显示本人姓名（默认打码）"}
    )

    @ma.validates("photos")
    def _at_least_one(self, value: list, **kwargs) -> None:
        if not value:
            raise ma.ValidationError("请上传心愿完成的照片")


class ConfirmSchema(ma.Schema):
    stars = fields.Integer(strict=True, load_default=5, validate=validate.Range(min=1, max=5))
    comment = text(500, multiline=True, allow_none=True, load_default=None)


class WishSchema(OrderSchema):
    kind = fields.String(metadata={"description": "wish"})
    value = fields.Integer(metadata={"description": "心愿价值上限（元）"})


class WishDetailSchema(OrderDetailSchema):
    kind = fields.String(metadata={"description": "wish"})
    value = fields.Integer(metadata={"description": "心愿价值上限（元）"})


class FulfilledWishSchema(ma.Schema):
    id = fields.Integer()
    description = fields.String()
    value = fields.Integer()
    photos = fields.List(fields.String())
    completion_photos = fields.List(fields.String())
    resident_name = fields.String(metadata={"description": "打码，如 张**"})
    member_name = fields.String(metadata={"description": "党员同意时显示全名，否则打码"})
    confirmed = fields.Boolean(metadata={"description": "居民已确认"})
    fulfilled_at = fields.DateTime(allow_none=True)


WishPageSchema = page_schema(WishSchema, "WishPage")
WallPageSchema = page_schema(FulfilledWishSchema, "WishWallPage")
