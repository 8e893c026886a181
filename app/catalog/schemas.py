"""The service catalog (服务清单) as the mini-program reads it."""

import marshmallow as ma

from app.catalog.labels import KIND_LABELS
from app.catalog.models import CategoryKind
from app.org.schemas import SortedList


class CatalogArgsSchema(ma.Schema):
    kind = ma.fields.String(
        validate=ma.validate.OneOf(
            [k.value for k in CategoryKind], error="kind 应为 public、social 或 volunteer"
        ),
        metadata={"description": "只看一类：public 公共服务、social 社会服务、volunteer 志愿服务"},
    )


class CatalogItemSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    points = ma.fields.Integer(metadata={"description": "完成后党员获得的先锋积分，正整数"})
    response_hours = ma.fields.Integer(metadata={"description": "应在几小时内响应（派单或抢单）"})
    completion_hours = ma.fields.Integer(metadata={"description": "应在几小时内完成"})
    skill = ma.fields.String(allow_none=True, metadata={"description": "对应的党员特长"})


class CategorySchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    kind = ma.fields.String(metadata={"description": "public、social 或 volunteer"})
    kind_label = ma.fields.Function(lambda category: KIND_LABELS.get(category.kind, ""))
    items = SortedList(ma.fields.Nested(CatalogItemSchema), key=lambda i: (i.position, i.id))


class CatalogSchema(ma.Schema):
    categories = ma.fields.List(ma.fields.Nested(CategorySchema))
