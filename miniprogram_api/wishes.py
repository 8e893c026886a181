"""微心愿: residents post wishes, members light and fulfil them, residents confirm, staff post
one for a resident; the public wall of fulfilled wishes. Staff screen and publish wishes with
the order moves (`/staff/orders/{id}/approve` · `/reject` · `/publish`)."""

from __future__ import annotations

from functools import wraps

from flask import Response, jsonify

from app.accounts.models import STAFF_ROLES, Role
from app.api import errors
from app.moderation.screening import screen
from app.moderation.subjects import ORDER_COMMENT, ORDER_DESCRIPTION
from app.orders.schemas import OrderListArgsSchema
from app.orders.snapshot import OrderSnapshot
from app.orders.vocabulary import Action
from app.pagination import PageArgsSchema
from app.wishes import queries, services
from app.wishes.access import wish_facts
from app.wishes.schemas import (
    ConfirmSchema,
    FulfilSchema,
    StaffWishCreateSchema,
    WallPageSchema,
    WishCreateSchema,
    WishDetailSchema,
    WishPageSchema,
)
from miniprogram_api.announcements import community_in_reach
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.ready import ready_answer
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("wishes", __name__, description="微心愿")


def _shown(order: OrderSnapshot, status: int = 200) -> Response:
    response = jsonify(queries.shown(order, current_user()))
    response.status_code = status
    return response


def wish_scope(action: Action):
    """404 for a wish the caller may not reach before its body is parsed."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, order_id: int, **kwargs):
            wish_facts(action, current_user(), order_id)
            return view(*args, order_id=order_id, **kwargs)

        return wrapped

    return decorator


@blp.post("/wishes")
@errors(404, 409)
@auth_required(Role.RESIDENT)
@blp.arguments(WishCreateSchema)
@blp.response(201, WishDetailSchema)
def post_wish(data):
    """发布微心愿（待社区审核）：内容、价值上限（元）、可附照片；内容经微信内容安全检测"""
    actor = current_user()
    screening = screen(actor, data["description"], ORDER_DESCRIPTION)
    return _shown(services.post_wish(actor, data, screening), 201)


@blp.get("/wishes/<int:order_id>")
@auth_required()
@blp.response(200, WishDetailSchema)
def get_wish(order_id):
    """微心愿详情与时间线（发布的居民、本社区工作人员、点亮的党员可见）"""
    return jsonify(queries.wish_detail(order_id, current_user()))


@blp.get("/my/wishes")
@auth_required(Role.RESIDENT)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, WishPageSchema)
def my_wishes(args):
    """我发布的微心愿，最新的在前"""
    return jsonify(queries.my_wishes(current_user(), args["limit"], args.get("cursor")))


@blp.post("/my/wishes/<int:order_id>/confirm")
@errors(409)
@auth_required(Role.RESIDENT)
@wish_scope(Action.RATE)
@blp.arguments(ConfirmSchema)
@blp.response(200, WishDetailSchema)
def confirm(data, order_id):
    """确认心愿已实现（即评价，默认 5 星），只能一次"""
    actor = current_user()
    screening = screen(actor, data["comment"], ORDER_COMMENT)
    return _shown(services.confirm(order_id, actor, data["stars"], data["comment"], screening))


@blp.get("/member/wishes")
@auth_required(Role.MEMBER)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, WishPageSchema)
def open_wishes(args):
    """本社区待点亮的微心愿（电话打码）"""
    return jsonify(queries.open_wishes(current_user(), args["limit"], args.get("cursor")))


@blp.get("/member/wishes/lit")
@auth_required(Role.MEMBER)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, WishPageSchema)
def lit_wishes(args):
    """我点亮的微心愿"""
    return jsonify(queries.member_wishes(current_user(), args["limit"], args.get("cursor")))


@blp.post("/member/wishes/<int:order_id>/light")
@errors(409)
@auth_required(Role.MEMBER)
@blp.response(200, WishDetailSchema)
def light(order_id):
    """点亮微心愿：只有一位党员能点亮（其余 409 ORDER_ALREADY_TAKEN）"""
    return _shown(services.light(order_id, current_user()))


@blp.post("/member/wishes/<int:order_id>/fulfil")
@errors(409)
@auth_required(Role.MEMBER)
@wish_scope(Action.COMPLETE)
@blp.arguments(FulfilSchema)
@blp.response(200, WishDetailSchema)
def fulfil(data, order_id):
    """实现微心愿：附 1–9 张照片，积分入账一次；show_name 为 true 时心愿墙显示本人姓名"""
    return _shown(
        services.fulfil(order_id, current_user(), data["note"], data["photos"], data["show_name"])
    )


@blp.get("/staff/wishes")
@auth_required(*STAFF_ROLES)
@blp.arguments(OrderListArgsSchema, location="query")
@blp.response(200, WishPageSchema)
def staff_wishes(args):
    """本社区的微心愿，可按状态筛选；审核、发布用工单的操作（/staff/orders/{id}/approve 等）"""
    page = queries.staff_wishes(
        current_user(), args["limit"], args.get("cursor"), args.get("status")
    )
    return jsonify(page)


@blp.post("/staff/wishes")
@errors(404, 409)
@auth_required(*STAFF_ROLES)
@community_in_reach
@blp.arguments(StaffWishCreateSchema)
@blp.response(201, WishDetailSchema)
def post_for_resident(data):
    """代居民发布微心愿（按电话识别居民），直接通过审核"""
    return _shown(services.post_for_resident(current_user(), data), 201)


@blp.get("/communities/<int:community_id>/wishes/fulfilled")
@ready_answer(queries.WALL)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, WallPageSchema)
def wall(args, community_id):
    """心愿墙（无需登录）：本社区已实现的微心愿，居民姓名打码，党员同意时显示姓名"""
    return queries.wall(community_id, args["limit"], args.get("cursor"))
