"""The console's merchant forms: a merchant and its account, a service recorded, the
ranking's query string. Opening hours and services are written one a line."""

from __future__ import annotations

import re

import marshmallow as ma
from marshmallow import validate

from app.console.forms.members import ScopeArgsSchema
from app.merchants.models import MerchantCategory
from app.merchants.schemas import QUARTER_PATTERN
from app.validation import Text, text, text_id

HOURS = re.compile(r"^(\S.*?)\s+(\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2})$")


class Lines(Text):
    """Text of up to `max_length` characters, one entry a line; empty lines are dropped."""

    def __init__(self, max_length: int, **kwargs) -> None:
        super().__init__(max_length, multiline=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text_value = super()._deserialize(value, attr, data, **kwargs)
        return [line.strip() for line in text_value.split("\n") if line.strip()]


class OpeningHours(Lines):
    """Lines like `周一至周五 08:30-17:30`, read as [{"days", "hours"}]."""

    def _deserialize(self, value, attr, data, **kwargs):
        hours = []
        for line in super()._deserialize(value, attr, data, **kwargs):
            found = HOURS.match(line)
            if found is None:
                raise ma.ValidationError(f"“{line}”应写作“周一至周五 08:30-17:30”")
            hours.append({"days": found[1], "hours": found[2].replace(" ", "")})
        return hours


class MerchantFormSchema(ma.Schema):
    name = text(100, required=True, error_messages={"required": "请填写商户名称"})
    category = ma.fields.String(
        required=True,
        validate=validate.OneOf([c.value for c in MerchantCategory], error="请选择类别"),
        error_messages={"required": "请选择类别"},
    )
    community_id = text_id(required=True, error_messages={"required": "请选择社区"})
    address = text(200, required=True, error_messages={"required": "请填写地址"})
    latitude = ma.fields.Float(
        required=True,
        validate=validate.Range(min=-90, max=90, error="纬度应在 -90 到 90 之间"),
        error_messages={"required": "请填写纬度", "invalid": "纬度应是数字"},
    )
    longitude = ma.fields.Float(
        required=True,
        validate=validate.Range(min=-180, max=180, error="经度应在 -180 到 180 之间"),
        error_messages={"required": "请填写经度", "invalid": "经度应是数字"},
    )
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
