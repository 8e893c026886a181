"""Input and output of member registration (报到)."""
from __future__ import annotations

import re

import marshmallow as ma
from marshmallow import validate

from app.members.models import RegistrationStatus
from app.pagination import PageArgsSchema, page_schema

MAX_ID = 2**31 - 1  # ids are 32-bit integers: a larger one must not reach the database
PHONE_RE = r"^1[3-9]\d{9}$"
LETTER_NO_RE = r"^[A-Za-z0-9_-]+$"
# Control characters (C0, DEL, C1) and lone surrogates, which no database column can store.
_FORBIDDEN_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def no_control_chars(value: str) -> None:
    if _FORBIDDEN_CHARS.search(value):
        raise ma.ValidationError("不能包含控制字符")


class Text(ma.fields.String):
    """A string of 1 to `max_length` characters once trimmed, without control characters."""

    def __init__(self, max_length: int, **kwargs) -> None:
        super().__init__(validate=[validate.Length(min=1, max=max_length), no_control_chars],
                         **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip()


class RegistrationInSchema(ma.Schema):
    name = Text(50, required=True, metadata={"description": "党员姓名"})
    community_id = ma.fields.Integer(required=True, strict=True,
                                     validate=validate.Range(min=1, max=MAX_ID))
    unit_name = Text(100, required=True, metadata={"description": "工作单位（共建单位）"})
    letter_no = ma.fields.String(
        required=True,
        validate=[validate.Length(min=1, max=64),
                  validate.Regexp(LETTER_NO_RE, error="只能包含字母、数字、- 和 _")],
        metadata={"description": "机关在职党员下基层介绍信编号"})
    skills = ma.fields.List(Text(20), load_default=list, validate=validate.Length(max=10),
                            metadata={"description": "特长，最多 10 项，每项 1–20 字"})
    phone = ma.fields.String(load_default=None, allow_none=True,
                             validate=validate.Regexp(PHONE_RE, error="不是有效的手机号码"))


class RegistrationSchema(ma.Schema):
    id = ma.fields.Integer()
    user_id = ma.fields.Integer()
    name = ma.fields.String()
    community_id = ma.fields.Integer()
    unit_name = ma.fields.String()
    letter_no = ma.fields.String()
    phone = ma.fields.String(allow_none=True)
    skills = ma.fields.List(ma.fields.String())
    status = ma.fields.String(metadata={"description": "pending 待审核 / approved 已通过 / rejected 已驳回"})
    reject_reason = ma.fields.String(allow_none=True)
    reviewed_by_id = ma.fields.Integer(allow_none=True)
    reviewed_at = ma.fields.DateTime(allow_none=True)
    created_at = ma.fields.DateTime()


RegistrationPageSchema = page_schema(RegistrationSchema, "RegistrationPage")


class RegistrationListArgsSchema(PageArgsSchema):
    status = ma.fields.String(validate=validate.OneOf([s.value for s in RegistrationStatus]))


class RegistrationRejectSchema(ma.Schema):
    reason = Text(200, required=True, metadata={"description": "驳回理由"})
