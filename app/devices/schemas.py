"""Input and output of 一键通 (CONTRACT §6.6) for the API."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.pagination import PageArgsSchema, page_schema
from app.validation import phone, record_id, text

SERIAL = validate.Regexp(
    r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$", error="设备编号为 1–64 位字母、数字或 _ . -"
)


class HouseholdSchema(ma.Schema):
    name = text(50, required=True, metadata={"description": "老人（居民）姓名"})
    phone = phone(required=True, metadata={"description": "居民电话"})
    address = text(200, required=True, metadata={"description": "住址，工单的服务地址"})


class ContactSchema(ma.Schema):
    name = text(50, required=True)
    phone = phone(required=True)


class DeviceInSchema(ma.Schema):
    serial = ma.fields.String(required=True, validate=SERIAL, metadata={"description": "设备编号"})
    community_id = record_id(required=True)
    resident = ma.fields.Nested(HouseholdSchema, required=True)
    grid_id = record_id(load_default=None)
    building_id = record_id(load_default=None)
    emergency_contacts = ma.fields.List(
        ma.fields.Nested(ContactSchema), validate=validate.Length(max=5), load_default=list
    )
    item_id = record_id(
        load_default=None, metadata={"description": "按键所点的服务项目，不填为默认项目"}
    )
    carer_ids = ma.fields.List(
        record_id(),
        validate=validate.Length(max=20),
        load_default=list,
        metadata={"description": "关爱圈：本社区党员或工作人员的用户编号，每次按键都通知"},
    )


class CarersSchema(ma.Schema):
    carer_ids = ma.fields.List(record_id(), required=True, validate=validate.Length(max=20))


class KeyedDeviceSchema(ma.Schema):
    """The answer that shows the secret: registration and rotation only."""

    id = ma.fields.Function(lambda keyed: keyed.device.id)
    serial = ma.fields.Function(lambda keyed: keyed.device.serial)
    secret = ma.fields.String()


class DeviceSchema(ma.Schema):
    id = ma.fields.Integer()
    serial = ma.fields.String()
    community_id = ma.fields.Integer()
    resident = ma.fields.Function(
        lambda d: {"name": d.resident_name, "phone": d.resident_phone, "address": d.address}
    )
    grid_id = ma.fields.Integer(allow_none=True)
    building_id = ma.fields.Integer(allow_none=True)
    emergency_contacts = ma.fields.List(ma.fields.Dict())
    item_id = ma.fields.Integer()
    carer_ids = ma.fields.Function(lambda d: [carer.user_id for carer in d.carers])
    open_order_id = ma.fields.Integer(allow_none=True)
    last_pressed_at = ma.fields.DateTime(allow_none=True)
    last_seen_at = ma.fields.DateTime(allow_none=True)
    battery = ma.fields.Integer(allow_none=True)
    signal = ma.fields.Integer(allow_none=True)
    silent = ma.fields.Function(lambda d: d.silent_since is not None)
    created_at = ma.fields.DateTime()


DevicePageSchema = page_schema(DeviceSchema, "DevicePage")


class DeviceListArgsSchema(PageArgsSchema):
    community_id = record_id()
    silent = ma.fields.Boolean()


class PressedSchema(ma.Schema):
    order_id = ma.fields.Integer()


class HeartbeatSchema(ma.Schema):
    serial = ma.fields.String()
    last_seen_at = ma.fields.DateTime()
    battery = ma.fields.Integer(allow_none=True)
    signal = ma.fields.Integer(allow_none=True)
