"""Merchants of the service circle: search arguments and the shapes the mini-program reads."""

import marshmallow as ma

from app.geo.schemas import PlaceSchema, PointSearchArgsSchema, radius_field
from app.merchants.labels import CATEGORY, TRUSTED
from app.merchants.models import MerchantCategory
from app.pagination import page_schema
from app.validation import text, text_id

DEFAULT_RADIUS_M, MAX_RADIUS_M = 1000, 5000
CATEGORY_CHOICES = "、".join(f"{c.value} {label}" for c, label in CATEGORY.items())


def category_field(**kwargs) -> ma.fields.String:
    return ma.fields.String(
        validate=ma.validate.OneOf([c.value for c in MerchantCategory], error="不认识的商户类别"),
        metadata={"description": f"商户类别：{CATEGORY_CHOICES}"},
        **kwargs,
    )


class MerchantSearchArgsSchema(PointSearchArgsSchema):
    radius_m = radius_field(DEFAULT_RADIUS_M, MAX_RADIUS_M)
    category = category_field()
    community_id = text_id()


class MerchantSchema(PlaceSchema):
    category = ma.fields.String()
    category_label = ma.fields.Function(lambda m: CATEGORY.get(m.category, ""))
    service_points = ma.fields.Integer(metadata={"description": "便民服务积分"})
    trusted = ma.fields.Boolean(metadata={"description": "是否社区信得过经营户"})
    trusted_label = ma.fields.Function(
        lambda m: TRUSTED if m.trusted else None,
        metadata={"description": "社区信得过经营户；未评定为 null"},
    )


MerchantPageSchema = page_schema(MerchantSchema, "MerchantPage")


class ServiceConfirmSchema(ma.Schema):
    service = text(50, required=True, metadata={"description": "所做的服务，如 上门维修"})
    note = text(200, metadata={"description": "备注"})


class ServiceRecordSchema(ma.Schema):
    id = ma.fields.Integer()
    merchant_id = ma.fields.Integer()
    service = ma.fields.String()
    note = ma.fields.String(allow_none=True)
    points = ma.fields.Integer()
    day = ma.fields.Date()
    service_points = ma.fields.Integer(metadata={"description": "商户累计便民服务积分"})


class TrustedSchema(ma.Schema):
    trusted = ma.fields.Boolean(required=True, metadata={"description": "社区信得过经营户"})


QUARTER_PATTERN = r"^[1-9]\d{3}Q[1-4]$"


class RankingArgsSchema(ma.Schema):
    quarter = ma.fields.String(
        validate=ma.validate.Regexp(QUARTER_PATTERN, error="季度格式应为 2026Q4"),
        metadata={"description": "季度，如 2026Q4；默认本季度（北京时间）"},
    )
    community_id = text_id()


class RankedMerchantSchema(ma.Schema):
    rank = ma.fields.Integer()
    id = ma.fields.Integer()
    name = ma.fields.String()
    category = ma.fields.String()
    category_label = ma.fields.Function(lambda m: CATEGORY.get(m["category"], ""))
    community_id = ma.fields.Integer()
    trusted = ma.fields.Boolean()
    points = ma.fields.Integer(metadata={"description": "该季度所得便民服务积分"})
    services = ma.fields.Integer(metadata={"description": "该季度的服务次数"})


class RankingSchema(ma.Schema):
    quarter = ma.fields.String()
    start = ma.fields.Date(data_key="from")
    end = ma.fields.Date(data_key="to")
    items = ma.fields.List(ma.fields.Nested(RankedMerchantSchema))
