"""Staff and the venues of their communities (street admins: of their street): list them,
hidden ones too, add, edit, hide and show. Beyond the contract, for a staff mini-program;
the console's 场所 pages call the same use cases."""

from functools import wraps

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.venues import queries, services
from app.venues.schemas import (
    StaffVenueArgsSchema,
    StaffVenuePageSchema,
    StaffVenueSchema,
    VenueInputSchema,
    VenuePatchSchema,
)
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("staff_venues", __name__, description="社区维护场所：新增、编辑、隐藏与恢复显示")


def venue_in_reach(view):
    """404 for a venue outside the caller's communities before the body is read, so that
    NOT_FOUND wins over VALIDATION_ERROR."""

    @wraps(view)
    def wrapped(*args, venue_id, **kwargs):
        queries.managed_venue(current_user(), venue_id)
        return view(*args, venue_id=venue_id, **kwargs)

    return wrapped


@blp.get("/staff/venues")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(StaffVenueArgsSchema, location="query")
@blp.response(200, StaffVenuePageSchema)
def list_venues(args):
    """本人管理的社区的场所（含已隐藏的），按编号排列；community_id 只看其中一个社区"""
    return queries.staff_venues(current_user(), args)


@blp.post("/staff/venues")
@errors(404, 409)
@auth_required(*STAFF_ROLES)
@blp.arguments(VenueInputSchema)
@blp.response(201, StaffVenueSchema)
def create_venue(payload):
    """新增场所（本人管理的社区）；图文介绍保存前净化；重名 409 VENUE_NAME_TAKEN"""
    return services.create_venue(current_user(), payload)


@blp.patch("/staff/venues/<int:venue_id>")
@errors(409)
@auth_required(*STAFF_ROLES)
@venue_in_reach
@blp.arguments(VenuePatchSchema)
@blp.response(200, StaffVenueSchema)
def update_venue(payload, venue_id):
    """修改场所：只改请求中给出的字段"""
    return services.update_venue(current_user(), venue_id, payload)


@blp.post("/staff/venues/<int:venue_id>/hide")
@auth_required(*STAFF_ROLES)
@blp.response(200, StaffVenueSchema)
def hide_venue(venue_id):
    """隐藏场所：居民的列表、附近搜索和详情里都不再出现"""
    return services.hide_venue(current_user(), venue_id)


@blp.post("/staff/venues/<int:venue_id>/show")
@auth_required(*STAFF_ROLES)
@blp.response(200, StaffVenueSchema)
def show_venue(venue_id):
    """恢复显示已隐藏的场所"""
    return services.show_venue(current_user(), venue_id)
