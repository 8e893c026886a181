"""Merchants of the 15-minute service circle: list, nearby search, detail (no token), and
the services residents confirm (便民服务积分)."""

from flask import jsonify

from app.merchants import queries
from app.merchants.schemas import MerchantPageSchema, MerchantSchema, MerchantSearchArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.ready import ready_answer

blp = Blueprint("merchants", __name__, description="15分钟便民服务圈的商户")


@blp.get("/merchants")
@ready_answer(queries.MERCHANTS)
@blp.arguments(MerchantSearchArgsSchema, location="query")
@blp.response(200, MerchantPageSchema)
def list_merchants(args):
    """商户列表；给出 lat、lng 时只列出 radius_m 米内（默认 1000，至多 5000）的商户，由近及远"""
    if "lat" in args:
        return jsonify(queries.nearby_page(args))  # items already dumped by MerchantSchema
    return queries.list_merchants(args)


@blp.get("/merchants/<int:merchant_id>")
@ready_answer(queries.MERCHANTS)
@blp.response(200, MerchantSchema)
def get_merchant(merchant_id):
    """商户详情：类别、服务、营业时间、便民服务积分、是否信得过经营户与导航信息"""
    return queries.get_merchant(merchant_id)
