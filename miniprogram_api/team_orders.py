"""Orders dispatched to a service team: staff dispatch, the team's members see and take."""

from __future__ import annotations

from app.accounts.models import STAFF_ROLES, Role
from app.api import errors
from app.orders import queries, services
from app.orders.schemas import OrderDetailSchema, OrderPageSchema
from app.orders.vocabulary import Action
from app.pagination import PageArgsSchema
from app.teams.schemas import TeamDispatchSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.order_views import order_scope, seen, seen_page
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("team_orders", __name__, description="派单给志愿服务团队")


@blp.post("/staff/orders/<int:order_id>/dispatch-team")
@errors(409)
@auth_required(*STAFF_ROLES)
@order_scope(Action.DISPATCH_TEAM)
@blp.arguments(TeamDispatchSchema)
@blp.response(200, OrderDetailSchema)
def dispatch_team(data, order_id):
    """派单给本社区的服务团队（待审核后、待抢单或已派单未接时）：团队队员都能看到，一人接单"""
    return seen(services.dispatch_to_team(order_id, current_user(), data["team_id"]))


@blp.get("/member/team-orders")
@auth_required(Role.MEMBER)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, OrderPageSchema)
def team_orders(args):
    """派给我所在团队、还没有人接的工单（电话打码）"""
    return seen_page(queries.team_orders(current_user(), args["limit"], args.get("cursor")))


@blp.post("/member/orders/<int:order_id>/take")
@errors(409)
@auth_required(Role.MEMBER)
@blp.response(200, OrderDetailSchema)
def take(order_id):
    """团队接单：派给我所在团队的工单，只有一人能接到，其他人 409 ORDER_ALREADY_TAKEN；
    不是该团队的队员 404"""
    return seen(services.take(order_id, current_user()))
