"""The console's merchant forms: a merchant and its account, a service recorded, the
ranking's query string. Opening hours and services are written one a line
(app.console.forms.places)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.console.forms.members import ScopeArgsSchema
from app.console.forms.places import Lines, OpeningHours, latitude_field, longitude_field
from app.merchants.models import MerchantCategory
from app.merchants.schemas import QUARTER_PATTERN
from app.validation import text, text_id


class MerchantFormSchema(ma.Schema):
    name = text(100, required=True, error_messages={"required": "请填写商户名称"})
    category = ma.fields.String(
        required=True,
        validate=validate.OneOf([c.value for c in MerchantCategory], error="请选择类别"),
        error_messages={"required": "请选择类别"},
    )
    community_id = text_id(required=True, error_messages={"required": "请选择社区"})
    address = text(200, required=True, error_messages={"required": "请填写地址"})
    latitude = latitude_field()
    longitude = longitude_field()
    phone = text(30)
    opening_hours = OpeningHours(500, load_default=list)
    services = Lines(500, load_default=list)
    username = text(64)
    password = ma.fields.String(validate=validate.Length(max=128))


class ServiceFormSchema(ma.Schema):
    service = text(50, required=True, error_messages={"required": "请填写服务内容"})
    note = text(200)


class TrustedFormSchema(ma.Schema):
    trusted = ma.fields.Boolean(required=True, error_messages={"required": "请选择是否信得过"})


class RankingArgsSchema(ScopeArgsSchema):
    quarter = ma.fields.String(
        validate=validate.Regexp(QUARTER_PATTERN, error="季度格式应为 2026Q4")
    )
