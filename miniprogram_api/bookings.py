"""Room booking (云平台) for any signed-in user: a room's day, book, my bookings, cancel,
check in."""

from __future__ import annotations

from functools import wraps

from app.api import errors
from app.bookings import access, queries
from app.bookings.schemas import (
    BookingInSchema,
    BookingPageSchema,
    BookingSchema,
    DayArgsSchema,
    SeriesArgsSchema,
    SlotPageSchema,
)
from app.bookings.services import book as booking
from app.bookings.services import moves
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("bookings", __name__, description="云平台：场所房间预约")


def in_reach(find, id_name: str):
    """404 for the object `find(caller, id)` looks up by the path's `id_name` when it is out
    of the caller's reach (another community's, a room closed to booking), before the body
    is read: NOT_FOUND wins over VALIDATION_ERROR."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            find(current_user(), kwargs[id_name])
            return view(*args, **kwargs)

        return wrapped

    return decorator


def _open_room(user, room_id: int):
    return access.bookable_room(room_id)


@blp.get("/rooms/<int:room_id>/bookings")
@auth_required()
@in_reach(_open_room, "room_id")
@blp.arguments(DayArgsSchema, location="query")
@blp.response(200, SlotPageSchema)
def room_day(args, room_id):
    """该房间某天（北京时间）占用时段的预约（待审核、已通过、已签到），按提交先后分页"""
    return queries.room_day(room_id, args.pop("date"), **args)


@blp.post("/rooms/<int:room_id>/bookings")
@errors(409)
@auth_required()
@in_reach(_open_room, "room_id")
@blp.arguments(BookingInSchema)
@blp.response(201, BookingSchema)
def book_room(data, room_id):
    """预约房间。409 BOOKING_CONFLICT：与待审核或已通过的预约重叠（首尾相接不算），details.dates
    列出冲突的日期；422：已过去、不在开放时间、少于 30 分钟、超过 8 小时、超过容纳人数。
    repeat_weeks：每周重复，全部可约才预约（否则一次也不预约）。设为自动通过的房间直接 approved"""
    return booking.book(current_user(), room_id, data)


@blp.get("/my/bookings")
@auth_required()
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, BookingPageSchema)
def my_bookings(args):
    """我的预约（新的在前）"""
    return queries.my_bookings(current_user(), **args)


@blp.post("/bookings/<int:booking_id>/cancel")
@errors(409)
@auth_required()
@blp.arguments(SeriesArgsSchema, location="query")
@blp.response(200, BookingSchema)
def cancel_booking(args, booking_id):
    """取消预约：预约人，待审核或已通过且尚未开始（否则 409 BOOKING_STATE_CONFLICT）；
    ?series=true 同时取消该每周预约以后的各次"""
    return moves.cancel(current_user(), booking_id, whole_series=args["series"])


@blp.post("/bookings/<int:booking_id>/checkin")
@errors(409)
@auth_required()
@blp.response(200, BookingSchema)
def check_in(booking_id):
    """到场签到：预约人，已通过的预约，开始前 15 分钟至结束前（否则 409 CHECKIN_CLOSED）；
    重复签到仍返回 checked_in"""
    return moves.check_in(current_user(), booking_id)
