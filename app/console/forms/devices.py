"""The 一键通 page's forms: register a device for a household, and its care circle. The
API's rules (`app.devices.schemas`), read from HTML forms."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, post_load

from app.devices.schemas import SERIAL
from app.pagination import PageArgsSchema
from app.validation import phone, text, text_id


class DeviceFormSchema(ma.Schema):
    serial = fields.String(
        required=True, validate=SERIAL, error_messages={"required": "请填写设备编号"}
    )
    community_id = text_id(required=True, error_messages={"required": "请选择社区"})
    resident_name = text(50, required=True, error_messages={"required": "请填写老人姓名"})
    resident_phone = phone(required=True, error_messages={"required": "请填写联系电话"})
    address = text(200, required=True, error_messages={"required": "请填写住址"})
    building_id = text_id(load_default=None)
    contact_name = text(50, load_default=None)
    contact_phone = phone(load_default=None)
    carer_ids = fields.List(text_id(), load_default=list)

    @ma.validates_schema
    def _contact_whole(self, data, **kwargs):
        if bool(data.get("contact_name")) != bool(data.get("contact_phone")):
            field = "contact_phone" if data.get("contact_name") else "contact_name"
            raise ma.ValidationError("紧急联系人请同时填写姓名和电话", field)

    @post_load
    def _as_api(self, data, **kwargs):
        """The API's shape (`DeviceInSchema`)."""
        contact = data.pop("contact_name"), data.pop("contact_phone")
        resident = {
            "name": data.pop("resident_name"),
            "phone": data.pop("resident_phone"),
            "address": data.pop("address"),
        }
        contacts = [{"name": contact[0], "phone": contact[1]}] if contact[0] else []
        return {**data, "resident": resident, "emergency_contacts": contacts}


class CarersFormSchema(ma.Schema):
    carer_ids = fields.List(text_id(), load_default=list)


class DeviceArgsSchema(PageArgsSchema):
    community_id = text_id()
    silent = fields.Boolean()
