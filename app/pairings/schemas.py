"""结对 input and output schemas."""

from __future__ import annotations

from datetime import date

import marshmallow as ma
from marshmallow import fields, validate

from app.pagination import page_schema
from app.validation import phone, photo_list, record_id, text


class PairingCreateSchema(ma.Schema):
    """The household: `resident_id` (a resident who uses the mini-program), or `name` and
    `phone` (one without WeChat, recorded as 代点单 records one)."""

    resident_id = record_id(allow_none=True, load_default=None)
    name = text(50, allow_none=True, load_default=None, metadata={"description": "居民姓名"})
    phone = phone(allow_none=True, load_default=None)
    address = text(200, required=True)
    building_id = record_id(allow_none=True, load_default=None)
    note = text(500, multiline=True, allow_none=True, load_default=None)

    @ma.validates_schema
    def _one_household(self, data, **kwargs):
        if data.get("resident_id") is None and not (data.get("name") and data.get("phone")):
            raise ma.ValidationError("请填写居民 id，或居民姓名与电话", "resident_id")


class StaffPairingCreateSchema(PairingCreateSchema):
    member_id = record_id(required=True, metadata={"description": "党员的用户 id"})


class VisitCreateSchema(ma.Schema):
    date = fields.Date(
        required=True,
        validate=validate.Range(min=date(2000, 1, 1), max=date(2099, 12, 31), error="日期有误"),
        metadata={"description": "走访日期 YYYY-MM-DD（北京时间），不晚于今天"},
    )
    note = text(1000, multiline=True, required=True, metadata={"description": "走访情况"})
    photos = photo_list(load_default=list)


class PairingSchema(ma.Schema):
    id = fields.Integer()
    community_id = fields.Integer()
    member_id = fields.Integer()
    member_name = fields.String(allow_none=True)
    resident_id = fields.Integer()
    resident_name = fields.String()
    resident_phone = fields.String(allow_none=True)
    address = fields.String()
    building_id = fields.Integer(allow_none=True)
    building_name = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    visits = fields.Integer(metadata={"description": "走访次数"})
    last_visit_on = fields.Date(allow_none=True)
    created_at = fields.DateTime()


class VisitSchema(ma.Schema):
    id = fields.Integer()
    pairing_id = fields.Integer()
    member_id = fields.Integer()
    date = fields.Date(attribute="visited_on")
    note = fields.String()
    photos = fields.List(fields.String())
    created_at = fields.DateTime()


PairingPageSchema = page_schema(PairingSchema, "PairingPage")
VisitPageSchema = page_schema(VisitSchema, "VisitPage")
