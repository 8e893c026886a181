"""Party members' orders (一部手机抢单, 党员接单): the pool and the moves of a job."""

from __future__ import annotations

from app.accounts.models import Role
from app.api import errors
from app.orders import queries, services
from app.orders.schemas import (
    CompleteSchema,
    OrderDetailSchema,
    OrderListArgsSchema,
    OrderPageSchema,
)
from app.orders.vocabulary import Action
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.order_views import order_scope, seen, seen_page
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("member_orders", __name__, description="member_orders")


@blp.get("/member/pool")
@auth_required(Role.MEMBER)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, OrderPageSchema)
def pool(args):
    """抢单池：本社区待抢的工单（电话打码）"""
    return seen_page(queries.member_pool(current_user(), args["limit"], args.get("cursor")))


@blp.get("/member/orders")
@auth_required(Role.MEMBER)
@blp.arguments(OrderListArgsSchema, location="query")
@blp.response(200, OrderPageSchema)
def my_jobs(args):
    """派给我或我抢到的工单，可按状态筛选"""
    return seen_page(
        queries.member_orders(current_user(), args["limit"], args.get("cursor"), args.get("status"))
    )


@blp.post("/member/orders/<int:order_id>/grab")
@errors(409)
@auth_required(Role.MEMBER)
@blp.response(200, OrderDetailSchema)
def grab(order_id):
    """抢单：只有一人能抢到"""
    return seen(services.grab(order_id, current_user()))


@blp.post("/member/orders/<int:order_id>/accept")
@errors(409)
@auth_required(Role.MEMBER)
@blp.response(200, OrderDetailSchema)
def accept(order_id):
    """接受派给我的工单"""
    return seen(services.accept(order_id, current_user()))


@blp.post("/member/orders/<int:order_id>/start")
@errors(409)
@auth_required(Role.MEMBER)
@blp.response(200, OrderDetailSchema)
def start(order_id):
    """开始服务"""
    return seen(services.start(order_id, current_user()))


@blp.post("/member/orders/<int:order_id>/complete")
@errors(409)
@auth_required(Role.MEMBER)
@order_scope(Action.COMPLETE)
@blp.arguments(CompleteSchema)
@blp.response(200, OrderDetailSchema)
def complete(data, order_id):
    """完成服务（可附说明与照片），积分入账一次"""
    return seen(services.complete(order_id, current_user(), data["note"], data["photos"]))
