"""Input and output of member registration (报到)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.members.models import RegistrationStatus
from app.pagination import PageArgsSchema, page_schema
from app.validation import phone, record_id, text

LETTER_NO_RE = r"^[A-Za-z0-9_-]+$"


class RegistrationInSchema(ma.Schema):
    name = text(50, required=True, metadata={"description": "党员姓名"})
    community_id = record_id(required=True)
    unit_name = text(100, required=True, metadata={"description": "工作单位（共建单位）"})
    letter_no = ma.fields.String(
        required=True,
        validate=[
            validate.Length(min=1, max=64),
            validate.Regexp(LETTER_NO_RE, error="只能包含字母、数字、- 和 _"),
        ],
        metadata={"description": "机关在职党员下基层介绍信编号"},
    )
    skills = ma.fields.List(
        text(20),
        load_default=list,
        validate=validate.Length(max=10),
        metadata={"description": "特长，最多 10 项，每项 1–20 字"},
    )
    phone = phone(load_default=None, allow_none=True)
    unit_id = record_id(
        load_default=None,
        allow_none=True,
        metadata={
            "description": "共建单位编号（GET /units?community_id= 中的一个）；"
            "给出时工作单位以该单位名称为准"
        },
    )


class RegistrationSchema(ma.Schema):
    id = ma.fields.Integer()
    user_id = ma.fields.Integer()
    name = ma.fields.String()
    community_id = ma.fields.Integer()
    unit_name = ma.fields.String()
    unit_id = ma.fields.Integer(allow_none=True, metadata={"description": "绑定的共建单位"})
    letter_no = ma.fields.String()
    phone = ma.fields.String(allow_none=True)
    skills = ma.fields.List(ma.fields.String())
    status = ma.fields.String(
        metadata={"description": "pending 待审核 / approved 已通过 / rejected 已驳回"}
    )
    reject_reason = ma.fields.String(allow_none=True)
    reviewed_by_id = ma.fields.Integer(allow_none=True)
    reviewed_at = ma.fields.DateTime(allow_none=True)
    created_at = ma.fields.DateTime()


RegistrationPageSchema = page_schema(RegistrationSchema, "RegistrationPage")


class RegistrationListArgsSchema(PageArgsSchema):
    status = ma.fields.String(validate=validate.OneOf([s.value for s in RegistrationStatus]))


class RegistrationRejectSchema(ma.Schema):
    reason = text(200, required=True, metadata={"description": "驳回理由"})
