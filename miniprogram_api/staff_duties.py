"""Staff and their communities' duties: the liaison venue and the reminder of 周六报到, the
building leads, and hiding wall entries. The console's 报到 pages call the same use cases."""

from functools import wraps

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.auth.permissions import require_managed_community
from app.duties.queries import wall
from app.duties.queries.leads import lead_card, managed_building
from app.duties.schemas import (
    BuildingLeadSchema,
    LeadInputSchema,
    LiaisonVenueInputSchema,
    LiaisonVenueSchema,
    ReminderSchema,
    StaffWallEntrySchema,
    StaffWallPageSchema,
)
from app.duties.services import checkins, leads
from app.duties.services import wall as wall_services
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("staff_duties", __name__, description="社区管理周六报到、党员楼栋长与先锋墙")


def in_reach(view):
    """404 for a community or building outside the caller's scope before the body is read,
    so that NOT_FOUND wins over VALIDATION_ERROR."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if "community_id" in kwargs:
            require_managed_community(current_user(), kwargs["community_id"])
        if "building_id" in kwargs:
            managed_building(current_user(), kwargs["building_id"])
        return view(*args, **kwargs)

    return wrapped


@blp.put("/staff/communities/<int:community_id>/liaison-venue")
@auth_required(*STAFF_ROLES)
@in_reach
@blp.arguments(LiaisonVenueInputSchema)
@blp.response(200, LiaisonVenueSchema)
def choose_liaison_venue(data, community_id):
    """设置社区的报到点（须为本社区的场所，否则 422）"""
    return checkins.choose_liaison_venue(current_user(), community_id, data["venue_id"])


@blp.post("/staff/communities/<int:community_id>/checkin-reminders")
@errors(409)
@auth_required(*STAFF_ROLES)
@blp.response(200, ReminderSchema)
def remind(community_id):
    """提醒本周还没有报到的党员（每人每周一次）；尚未设置报到点 409"""
    return {"reminded": checkins.remind_absent(current_user(), community_id)}


@blp.put("/staff/buildings/<int:building_id>/lead")
@errors(409)
@auth_required(*STAFF_ROLES)
@in_reach
@blp.arguments(LeadInputSchema)
@blp.response(201, BuildingLeadSchema)
def appoint_lead(data, building_id):
    """任命楼栋的党员楼栋长（亮身份、亮职责、亮承诺）；已有楼栋长 409 BUILDING_LEAD_EXISTS"""
    leads.appoint(current_user(), building_id, data)
    return lead_card(current_user(), building_id)


@blp.delete("/staff/buildings/<int:building_id>/lead")
@auth_required(*STAFF_ROLES)
@blp.response(204)
def remove_lead(building_id):
    """楼栋长卸任；该楼栋没有楼栋长 404"""
    leads.remove(current_user(), building_id)


@blp.get("/staff/communities/<int:community_id>/wall")
@auth_required(*STAFF_ROLES)
@blp.arguments(PageArgsSchema, location="query", as_kwargs=True)
@blp.response(200, StaffWallPageSchema)
def staff_wall(community_id, limit, cursor=None):
    """社区先锋墙的全部条目（含已隐藏的），新的在前"""
    return wall.community_wall(current_user(), community_id, limit, cursor)


@blp.post("/staff/wall/<int:entry_id>/hide")
@auth_required(*STAFF_ROLES)
@blp.response(200, StaffWallEntrySchema)
def hide_entry(entry_id):
    """在公开的先锋墙上隐藏该条目"""
    return wall.staff_entry(wall_services.set_hidden(current_user(), entry_id, True))


@blp.post("/staff/wall/<int:entry_id>/show")
@auth_required(*STAFF_ROLES)
@blp.response(200, StaffWallEntrySchema)
def show_entry(entry_id):
    """恢复在公开的先锋墙上显示该条目"""
    return wall.staff_entry(wall_services.set_hidden(current_user(), entry_id, False))
