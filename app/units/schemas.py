"""Input and output of the co-building units' API."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.pagination import PageArgsSchema, page_schema
from app.units.labels import UNIT_KIND_LABELS
from app.units.models import UnitKind
from app.validation import phone, record_id, text, text_id


class UnitInSchema(ma.Schema):
    name = text(100, required=True, metadata={"description": "单位名称"})
    kind = ma.fields.String(
        required=True,
        validate=validate.OneOf([kind.value for kind in UnitKind]),
        metadata={"description": "organ 机关 / enterprise 企事业单位 / new_organisation 两新组织"},
    )
    contact_name = text(50, required=True, metadata={"description": "联系人"})
    contact_phone = phone(required=True)
    community_ids = ma.fields.List(
        record_id(),
        required=True,
        validate=validate.Length(min=1, max=50),
        metadata={"description": "结对共建的社区（您管理的社区中选择）"},
    )


class UnitPublicSchema(ma.Schema):
    """What a resident's registration form shows of a unit."""

    id = ma.fields.Integer()
    name = ma.fields.String()
    kind = ma.fields.String()
    kind_label = ma.fields.Function(lambda unit: UNIT_KIND_LABELS.get(unit.kind, ""))


class UnitSchema(UnitPublicSchema):
    contact_name = ma.fields.String()
    contact_phone = ma.fields.String()
    community_ids = ma.fields.List(ma.fields.Integer())
    created_at = ma.fields.DateTime()


UnitPublicPageSchema = page_schema(UnitPublicSchema, "UnitPublicPage")
UnitPageSchema = page_schema(UnitSchema, "UnitPage")


class CommunityUnitsArgsSchema(PageArgsSchema):
    community_id = text_id(required=True)


class ManagedUnitsArgsSchema(PageArgsSchema):
    community_id = text_id()


class UnitAccountInSchema(ma.Schema):
    username = ma.fields.String(
        required=True, metadata={"description": "3–64 位字母、数字或 _ . @ -"}
    )
    password = ma.fields.String(
        required=True, load_only=True, metadata={"description": "至少 8 位"}
    )


class UnitAccountSchema(ma.Schema):
    user_id = ma.fields.Integer(attribute="id")
    username = ma.fields.String()
    roles = ma.fields.List(ma.fields.String(), attribute="role_names")


class MemberUnitInSchema(ma.Schema):
    unit_id = record_id(
        required=True, allow_none=True, metadata={"description": "共建单位编号；null 解除绑定"}
    )
