"""Service teams (志愿服务团队): public team pages (no token: residents browse them, and
they show names only, never a phone), and staff keeping their community's teams."""

from __future__ import annotations

from functools import wraps

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.pagination import PageArgsSchema
from app.teams import access, queries, services
from app.teams.schemas import (
    StaffTeamArgsSchema,
    StaffTeamPageSchema,
    StaffTeamSchema,
    TeamFieldsSchema,
    TeamInSchema,
    TeamPageSchema,
    TeamSchema,
)
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.ready import ready_answer
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("teams", __name__, description="志愿服务团队（团队页面无需登录）")


def team_in_reach(view):
    """404 for a team outside the caller's communities before the body is read."""

    @wraps(view)
    def wrapped(*args, team_id, **kwargs):
        access.managed_team(current_user(), team_id)
        return view(*args, team_id=team_id, **kwargs)

    return wrapped


@blp.get("/communities/<int:community_id>/teams")
@ready_answer(queries.TEAMS)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, TeamPageSchema)
def community_teams(args, community_id):
    """社区的志愿服务团队（无需登录）：名称、类型、简介、队长与队员姓名、服务类别，不含电话"""
    return queries.community_teams(community_id, args["limit"], args.get("cursor"))


@blp.get("/teams/<int:team_id>")
@ready_answer(queries.TEAMS)
@blp.response(200, TeamSchema)
def get_team(team_id):
    """团队页面（无需登录）；已解散的团队 404"""
    return queries.team_page(team_id)


@blp.get("/staff/teams")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(StaffTeamArgsSchema, location="query")
@blp.response(200, StaffTeamPageSchema)
def staff_teams(args):
    """本社区（街道管理员：全街道，可按社区筛选）的团队，含已解散的，队员带电话"""
    return queries.staff_teams(
        current_user(), args["limit"], args.get("cursor"), args.get("community_id")
    )


@blp.post("/staff/teams")
@errors(404, 409)
@auth_required(*STAFF_ROLES)
@blp.arguments(TeamInSchema)
@blp.response(201, StaffTeamSchema)
def create_team(data):
    """建立团队：名称（社区内不重名，否则 409 TEAM_NAME_TAKEN）、类型、简介、队长、队员、服务类别"""
    team = services.create_team(current_user(), data)
    return queries.staff_team(current_user(), team.id)


@blp.get("/staff/teams/<int:team_id>")
@auth_required(*STAFF_ROLES)
@blp.response(200, StaffTeamSchema)
def staff_team(team_id):
    """团队详情（工作人员），队员带电话"""
    return queries.staff_team(current_user(), team_id)


@blp.patch("/staff/teams/<int:team_id>")
@errors(409)
@auth_required(*STAFF_ROLES)
@team_in_reach
@blp.arguments(TeamFieldsSchema)
@blp.response(200, StaffTeamSchema)
def update_team(data, team_id):
    """修改团队：给出的字段才改；member_ids、category_ids 整体替换；is_active false 为解散"""
    services.update_team(current_user(), team_id, data)
    return queries.staff_team(current_user(), team_id)
