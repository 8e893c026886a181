"""The console's forms of co-building units and 1+X commitments."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.console.forms.members import ScopeArgsSchema
from app.units.models import UnitKind
from app.validation import phone, text, text_id


class UnitFormSchema(ma.Schema):
    name = text(100, required=True, error_messages={"required": "请填写单位名称"})
    kind = ma.fields.String(
        required=True,
        validate=validate.OneOf([k.value for k in UnitKind], error="请选择单位类型"),
        error_messages={"required": "请选择单位类型"},
    )
    contact_name = text(50, required=True, error_messages={"required": "请填写联系人"})
    contact_phone = phone(required=True, error_messages={"required": "请填写联系电话"})
    community_ids = ma.fields.List(
        text_id(),
        required=True,
        validate=validate.Length(min=1, error="请至少选择一个结对社区"),
        error_messages={"required": "请至少选择一个结对社区"},
    )


class AccountFormSchema(ma.Schema):
    username = ma.fields.String(required=True, error_messages={"required": "请填写用户名"})
    password = ma.fields.String(required=True, error_messages={"required": "请填写密码"})


class BindFormSchema(ma.Schema):
    registration_id = text_id(required=True, error_messages={"required": "请选择党员"})


class ItemFormSchema(ma.Schema):
    community_id = text_id(required=True, error_messages={"required": "请选择社区"})
    title = text(50, required=True, error_messages={"required": "请填写项目名称"})
    target = ma.fields.Integer(
        load_default=1, validate=validate.Range(min=1, max=100, error="每年次数应在 1 到 100 之间")
    )


class ProgressArgsSchema(ScopeArgsSchema):
    year = ma.fields.Integer(validate=validate.Range(min=2000, max=2100))
