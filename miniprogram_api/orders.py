"""Residents' orders (群众点单, 评单): create, read, list, cancel, rate."""

from __future__ import annotations

from app.accounts.models import Role
from app.api import errors
from app.moderation.screening import screen
from app.moderation.subjects import ORDER_COMMENT, ORDER_DESCRIPTION
from app.orders import queries, services
from app.orders.schemas import (
    IdempotencyHeaderSchema,
    OrderCreateSchema,
    OrderDetailSchema,
    OrderPageSchema,
    RatingSchema,
)
from app.orders.vocabulary import Action
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.order_views import order_scope, seen, seen_page
from miniprogram_api.ready import own_answer
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("orders", __name__, description="orders")


@blp.post("/orders")
@errors(409)
@auth_required(Role.RESIDENT)
@blp.arguments(OrderCreateSchema)
@blp.arguments(IdempotencyHeaderSchema, location="headers", as_kwargs=True)
@blp.response(201, OrderDetailSchema)
def create_order(data, idempotency_key=None):
    """群众点单：提交一张工单（待审核）。描述经微信内容安全检测，违规时 422 CONTENT_RISKY"""
    actor = current_user()
    screening = screen(actor, data["description"], ORDER_DESCRIPTION)
    return seen(services.create_order(actor, data, idempotency_key, screening), 201)


@blp.get("/orders/<int:order_id>")
@auth_required()
@blp.response(200, OrderDetailSchema)
def get_order(order_id):
    """工单详情与时间线（本人、本社区工作人员、派给或接单的党员可见）"""
    return seen(queries.order_detail(order_id, current_user()))


@blp.get("/my/orders")
@auth_required(Role.RESIDENT)
@own_answer(queries.MY_ORDERS)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, OrderPageSchema)
def my_orders(args):
    """我的工单，最新的在前"""
    return seen_page(queries.my_orders(current_user(), args["limit"], args.get("cursor")))


@blp.post("/orders/<int:order_id>/cancel")
@errors(409)
@auth_required(Role.RESIDENT)
@blp.response(200, OrderDetailSchema)
def cancel_order(order_id):
    """取消工单（待审核、待派单、待抢单时）"""
    return seen(services.cancel(order_id, current_user()))


@blp.post("/orders/<int:order_id>/rating")
@errors(409)
@auth_required(Role.RESIDENT)
@order_scope(Action.RATE)
@blp.arguments(RatingSchema)
@blp.response(200, OrderDetailSchema)
def rate_order(data, order_id):
    """评单：对已完成的工单打分（1–5 星），只能一次；留言经微信内容安全检测"""
    actor = current_user()
    screening = screen(actor, data["comment"], ORDER_COMMENT)
    return seen(services.rate(order_id, actor, data["stars"], data["comment"], screening))
