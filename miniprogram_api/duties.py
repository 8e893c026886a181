"""周六报到 (members report at the liaison venue), the lead of a building (any signed-in user)
and the 先锋墙: a member's own entry, and the community's public wall (no token)."""

from app.accounts.models import Role
from app.api import errors
from app.duties.queries import checkins, leads, wall
from app.duties.schemas import (
    BuildingLeadSchema,
    CheckInInputSchema,
    CheckInPageSchema,
    CheckInSchema,
    OwnWallEntrySchema,
    WallInputSchema,
    WallPageSchema,
)
from app.duties.services import checkins as checkin_services
from app.duties.services import wall as wall_services
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.ready import ready_answer
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("duties", __name__, description="周六报到、党员楼栋长与先锋墙")


@blp.post("/member/checkins")
@errors(409)
@auth_required(Role.MEMBER)
@blp.arguments(CheckInInputSchema)
@blp.response(201, CheckInSchema)
@blp.alt_response(200, schema=CheckInSchema, description="当天已报到：答复当天那一次报到")
def report(data):
    """扫码报到：报到码须为本周的、位置须在报到点范围内（默认 300 米）；周六报到标记 saturday。
    报到码伪造或过期、不在范围内 422；不是该社区已审核的党员 409 NOT_COMMUNITY_MEMBER"""
    checkin, new = checkin_services.report(current_user(), **data)
    return checkin if new else (checkin, 200)


@blp.get("/member/checkins")
@auth_required(Role.MEMBER)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, CheckInPageSchema)
def my_checkins(args):
    """我的报到记录（新的在前）"""
    return checkins.my_checkins(current_user(), **args)


@blp.get("/buildings/<int:building_id>/lead")
@auth_required()
@blp.response(200, BuildingLeadSchema)
def building_lead(building_id):
    """楼栋的党员楼栋长（三亮：身份、职责、承诺）；电话仅本社区工作人员可见全号"""
    return leads.lead_card(current_user(), building_id)


@blp.put("/member/wall")
@errors(409)
@auth_required(Role.MEMBER)
@blp.arguments(WallInputSchema)
@blp.response(200, OwnWallEntrySchema)
def put_on_wall(data):
    """登上先锋墙 / 承诺墙，或修改照片与承诺（须同意公开展示）；被社区隐藏的仍然隐藏"""
    return wall_services.publish(current_user(), data)


@blp.get("/member/wall")
@errors(404)
@auth_required(Role.MEMBER)
@blp.response(200, OwnWallEntrySchema)
def my_wall_entry():
    """我在先锋墙上的条目"""
    return wall.own_entry(current_user())


@blp.delete("/member/wall")
@auth_required(Role.MEMBER)
@blp.response(204)
def leave_wall():
    """退出先锋墙（撤回同意）；本来不在墙上也答复 204"""
    wall_services.withdraw(current_user())


@blp.get("/communities/<int:community_id>/wall")
@ready_answer(wall.WALL)
@blp.arguments(PageArgsSchema, location="query", as_kwargs=True)
@blp.response(200, WallPageSchema)
def community_wall(community_id, limit, cursor=None):
    """社区先锋墙（无需登录）：自愿公开的党员的姓名、照片、承诺与事迹（完成工单数、今年积分）"""
    return wall.public_wall(community_id, limit, cursor)
