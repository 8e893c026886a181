"""Input and output of the 1+X commitments' API."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.commitments.models import STANDARD_KINDS
from app.pagination import PageArgsSchema, page_schema
from app.validation import record_id, text, text_id

YEAR = validate.Range(min=2000, max=2100, error="年份应在 2000 到 2100 之间")


def year_field(**kwargs) -> ma.fields.Integer:
    return ma.fields.Integer(
        validate=YEAR, metadata={"description": "北京时间自然年，默认今年"}, **kwargs
    )


class YearArgsSchema(PageArgsSchema):
    year = year_field()


class ChoiceArgsSchema(ma.Schema):
    year = year_field()


class ChoiceInSchema(ma.Schema):
    kinds = ma.fields.List(
        ma.fields.String(validate=validate.OneOf([kind.value for kind in STANDARD_KINDS])),
        load_default=list,
        validate=validate.Length(max=len(STANDARD_KINDS)),
        metadata={
            "description": "所选标准项目：activity 参加一次组织活动（必选，总会加入）、"
            "pairing 结对一户居民、volunteer 开展一次志愿服务、wish 点亮一个微心愿、"
            "suggestion 提出一条意见建议"
        },
    )
    item_ids = ma.fields.List(
        record_id(),
        load_default=list,
        validate=validate.Length(max=20),
        metadata={"description": "所选本社区自定项目的编号（菜单中的 item_id）"},
    )


class MenuItemSchema(ma.Schema):
    key = ma.fields.String(
        metadata={"description": "项目标识：标准项目为 kind，自定项目为 custom:<item_id>"}
    )
    kind = ma.fields.String()
    title = ma.fields.String()
    target = ma.fields.Integer(metadata={"description": "一年内需完成的次数"})
    item_id = ma.fields.Integer(allow_none=True)
    required = ma.fields.Boolean(metadata={"description": "“1+X”中的“1”：每名党员必选"})
    counted = ma.fields.Boolean(metadata={"description": "是否已按实际行动计数"})


class CommitmentSchema(MenuItemSchema):
    id = ma.fields.Integer()
    member_id = ma.fields.Integer()
    year = ma.fields.Integer()
    done = ma.fields.Integer(
        allow_none=True,
        metadata={"description": "已完成次数（按实际行动计数）；尚未计数的项目为 null"},
    )
    kept = ma.fields.Boolean(
        allow_none=True, metadata={"description": "done >= target；未计数为 null"}
    )


MenuSchema = page_schema(MenuItemSchema, "CommitmentMenu")


class CommitmentPageSchema(ma.Schema):
    year = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(CommitmentSchema))
    next_cursor = ma.fields.String(allow_none=True)


class ItemInSchema(ma.Schema):
    community_id = record_id(required=True)
    title = text(50, required=True, metadata={"description": "项目名称"})
    target = ma.fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=100),
        metadata={"description": "每年次数"},
    )


class ItemSchema(ma.Schema):
    id = ma.fields.Integer()
    community_id = ma.fields.Integer()
    title = ma.fields.String()
    target = ma.fields.Integer()
    is_active = ma.fields.Boolean()
    created_at = ma.fields.DateTime()


ItemPageSchema = page_schema(ItemSchema, "CommitmentItemPage")


class ItemListArgsSchema(PageArgsSchema):
    community_id = text_id(required=True)


class ItemActiveSchema(ma.Schema):
    active = ma.fields.Boolean(required=True, metadata={"description": "false 下架；true 重新上架"})


class MarkInSchema(ma.Schema):
    note = text(200, load_default=None, metadata={"description": "说明（可选）"})


class ProgressArgsSchema(YearArgsSchema):
    community_id = text_id()


class ProgressRowSchema(ma.Schema):
    member_id = ma.fields.Integer()
    name = ma.fields.String()
    community_id = ma.fields.Integer()
    unit_name = ma.fields.String()
    commitments = ma.fields.List(ma.fields.Nested(CommitmentSchema))
    kept = ma.fields.Integer(metadata={"description": "已兑现的承诺数"})
    counted = ma.fields.Integer(metadata={"description": "已计数的承诺数"})


class ProgressPageSchema(ma.Schema):
    year = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(ProgressRowSchema))
    next_cursor = ma.fields.String(allow_none=True)
