"""Merchants of the 15-minute service circle: list, nearby search, detail (no token), and
the services residents confirm (便民服务积分)."""

from functools import wraps

from flask import jsonify

from app.accounts.models import STAFF_ROLES, Role
from app.api import errors
from app.merchants import queries, services
from app.merchants.schemas import (
    MerchantPageSchema,
    MerchantSchema,
    MerchantSearchArgsSchema,
    ServiceConfirmSchema,
    ServiceRecordSchema,
)
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.ready import ready_answer
from miniprogram_api.security import auth_required, current_user

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


def merchant_in_reach(view):
    """404 for a merchant the caller may not reach (closed; for staff, another community's)
    before the body is read, so that NOT_FOUND wins over VALIDATION_ERROR."""

    @wraps(view)
    def wrapped(*args, merchant_id, **kwargs):
        user = current_user()
        if user.is_staff:
            queries.managed_merchant(user, merchant_id)
        else:
            queries.get_merchant(merchant_id)
        return view(*args, merchant_id=merchant_id, **kwargs)

    return wrapped


@blp.post("/merchants/<int:merchant_id>/services")
@errors(409)
@auth_required(Role.RESIDENT, *STAFF_ROLES)
@merchant_in_reach
@blp.arguments(ServiceConfirmSchema)
@blp.response(201, ServiceRecordSchema)
def record_service(payload, merchant_id):
    """便民服务积分：居民确认商户为其提供的服务（每人每商户每天一次），或本社区工作人员代为登记；
    商户的便民服务积分随之增加"""
    return services.record_service(
        current_user(), merchant_id, payload["service"], payload.get("note")
    )
