"""Room booking for staff of the venue's community: the bookings, approve or reject, the
rooms of a venue, and the usage numbers per venue."""

from __future__ import annotations

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.bookings import access, queries
from app.bookings.schemas import (
    BookingPageSchema,
    BookingRejectSchema,
    BookingSchema,
    RoomFieldsSchema,
    RoomInSchema,
    RoomSchema,
    SeriesArgsSchema,
    StaffBookingArgsSchema,
    UsageArgsSchema,
    UsageListSchema,
)
from app.bookings.services import moves, rooms
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.bookings import in_reach
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("staff_bookings", __name__, description="云平台：预约审核与房间管理")


@blp.get("/staff/bookings")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(StaffBookingArgsSchema, location="query")
@blp.response(200, BookingPageSchema)
def list_bookings(args):
    """本社区场所的预约（新的在前），可按 status、venue_id 筛选"""
    return queries.staff_bookings(current_user(), **args)


@blp.post("/staff/bookings/<int:booking_id>/approve")
@errors(409)
@auth_required(*STAFF_ROLES)
@blp.arguments(SeriesArgsSchema, location="query")
@blp.response(200, BookingSchema)
def approve_booking(args, booking_id):
    """通过待审核的预约（否则 409 BOOKING_STATE_CONFLICT），通知预约人；
    ?series=true 同时通过该每周预约以后待审核的各次"""
    return moves.approve(current_user(), booking_id, whole_series=args["series"])


@blp.post("/staff/bookings/<int:booking_id>/reject")
@errors(409)
@auth_required(*STAFF_ROLES)
@in_reach(access.managed_booking, "booking_id")
@blp.arguments(BookingRejectSchema)
@blp.response(200, BookingSchema)
def reject_booking(data, booking_id):
    """驳回待审核的预约并说明原因（否则 409 BOOKING_STATE_CONFLICT），通知预约人"""
    return moves.reject(current_user(), booking_id, data["reason"])


@blp.post("/staff/venues/<int:venue_id>/rooms")
@auth_required(*STAFF_ROLES)
@in_reach(access.managed_venue, "venue_id")
@blp.arguments(RoomInSchema)
@blp.response(201, RoomSchema)
def create_room(data, venue_id):
    """为本社区的场所添加房间：名称、类型、容纳人数、设施、是否自动通过"""
    return rooms.create_room(current_user(), venue_id, data)


@blp.patch("/staff/rooms/<int:room_id>")
@auth_required(*STAFF_ROLES)
@in_reach(access.managed_room, "room_id")
@blp.arguments(RoomFieldsSchema)
@blp.response(200, RoomSchema)
def update_room(data, room_id):
    """修改房间；is_active false 为停止预约"""
    return rooms.update_room(current_user(), room_id, data)


@blp.get("/staff/venues/usage")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(UsageArgsSchema, location="query")
@blp.response(200, UsageListSchema)
def usage(args):
    """各场所的使用情况：期间（北京时间，含首尾两天）开始的已通过或已签到预约的数量、总时长
    （小时）与登记人数；未到场、取消、驳回的不计"""
    items = queries.usage(current_user(), args["start"], args["end"], args.get("community_id"))
    return {"items": items}
