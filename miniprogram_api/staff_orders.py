"""Community staff's order queue (两委筛选, 社区派单)."""

from __future__ import annotations

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.orders import candidates, queries, services
from app.orders.schemas import (
    CandidateListSchema,
    DispatchSchema,
    FollowUpOutSchema,
    FollowUpSchema,
    NoteOutSchema,
    NotePageSchema,
    NoteSchema,
    OnBehalfInSchema,
    OrderDetailSchema,
    OrderListArgsSchema,
    OrderPageSchema,
    RejectSchema,
    ReopenSchema,
)
from app.orders.vocabulary import Action
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.order_views import order_scope, seen, seen_page
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("staff_orders", __name__, description="staff_orders")


@blp.get("/staff/orders")
@auth_required(*STAFF_ROLES)
@blp.arguments(OrderListArgsSchema, location="query")
@blp.response(200, OrderPageSchema)
def staff_queue(args):
    """本社区的工单（街道管理员：全街道），可按状态筛选"""
    return seen_page(
        queries.staff_queue(current_user(), args["limit"], args.get("cursor"), args.get("status"))
    )


@blp.post("/staff/orders")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(OnBehalfInSchema)
@blp.response(201, OrderDetailSchema)
def create_on_behalf(data):
    """代点单：为居民（按手机号找到或新建，无需微信）录入工单，规则同控制台"""
    return seen(services.create_on_behalf_by_api(current_user(), data), 201)


@blp.post("/staff/orders/<int:order_id>/approve")
@errors(409)
@auth_required(*STAFF_ROLES)
@blp.response(200, OrderDetailSchema)
def approve(order_id):
    """审核通过"""
    return seen(services.approve(order_id, current_user()))


@blp.post("/staff/orders/<int:order_id>/reject")
@errors(409)
@auth_required(*STAFF_ROLES)
@order_scope(Action.REJECT)
@blp.arguments(RejectSchema)
@blp.response(200, OrderDetailSchema)
def reject(data, order_id):
    """驳回（须填写原因）"""
    return seen(services.reject(order_id, current_user(), data["reason"]))


@blp.post("/staff/orders/<int:order_id>/dispatch")
@errors(409)
@auth_required(*STAFF_ROLES)
@order_scope(Action.DISPATCH)
@blp.arguments(DispatchSchema)
@blp.response(200, OrderDetailSchema)
def dispatch(data, order_id):
    """派单给本社区的党员"""
    return seen(services.dispatch(order_id, current_user(), data["member_id"]))


@blp.post("/staff/orders/<int:order_id>/publish")
@errors(409)
@auth_required(*STAFF_ROLES)
@blp.response(200, OrderDetailSchema)
def publish(order_id):
    """发布到抢单池"""
    return seen(services.publish(order_id, current_user()))


@blp.post("/staff/orders/<int:order_id>/recall")
@errors(409)
@auth_required(*STAFF_ROLES)
@blp.response(200, OrderDetailSchema)
def recall(order_id):
    """从抢单池撤回（回到待派单）"""
    return seen(services.recall(order_id, current_user()))


@blp.post("/staff/orders/<int:order_id>/reassign")
@errors(409)
@auth_required(*STAFF_ROLES)
@order_scope(Action.REASSIGN)
@blp.arguments(DispatchSchema)
@blp.response(200, OrderDetailSchema)
def reassign(data, order_id):
    """改派给本社区的另一名党员（尚未接单时）"""
    return seen(services.reassign(order_id, current_user(), data["member_id"]))


@blp.get("/staff/orders/<int:order_id>/candidates")
@auth_required(*STAFF_ROLES)
@blp.response(200, CandidateListSchema)
def dispatch_candidates(order_id):
    """派单候选党员：特长对口、同楼栋/同网格、在办工单少、近期评价好的在前，附排序理由"""
    return {"items": candidates.candidates_for(order_id, current_user())}


@blp.post("/staff/orders/<int:order_id>/close")
@errors(409)
@auth_required(*STAFF_ROLES)
@blp.response(200, OrderDetailSchema)
def close(order_id):
    """办结（已完成或已评价的工单）"""
    return seen(services.close(order_id, current_user()))


@blp.post("/staff/orders/<int:order_id>/follow-ups")
@errors(409)
@auth_required(*STAFF_ROLES)
@order_scope(Action.FOLLOW_UP)
@blp.arguments(FollowUpSchema)
@blp.response(201, FollowUpOutSchema)
def follow_up(data, order_id):
    """回访：是否联系上居民、居民是否满意（联系上时）、备注；工单须已完成、已评价或已办结"""
    return services.record_follow_up(order_id, current_user(), **data)


@blp.post("/staff/orders/<int:order_id>/reopen")
@errors(409)
@auth_required(*STAFF_ROLES)
@order_scope(Action.REOPEN)
@blp.arguments(ReopenSchema)
@blp.response(200, OrderDetailSchema)
def reopen(data, order_id):
    """重新办理：已完成或已评价、且本轮最近一次回访居民不满意的工单回到待派单（须填写原因），
    原党员已得的积分保留；否则 409 REOPEN_NEEDS_FOLLOW_UP（状态不对则 ORDER_STATE_CONFLICT）"""
    return seen(services.reopen(order_id, current_user(), data["reason"]))


@blp.post("/staff/orders/<int:order_id>/notes")
@auth_required(*STAFF_ROLES)
@order_scope(None)
@blp.arguments(NoteSchema)
@blp.response(201, NoteOutSchema)
def add_note(data, order_id):
    """内部备注：仅本社区工作人员（和街道管理员）可见，居民和党员看不到"""
    return services.add_note(order_id, current_user(), data["body"])


@blp.get("/staff/orders/<int:order_id>/notes")
@auth_required(*STAFF_ROLES)
@order_scope(None)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, NotePageSchema)
def order_notes(args, order_id):
    """工单的内部备注，最早的在前"""
    return queries.order_notes(order_id, current_user(), args["limit"], args.get("cursor"))
