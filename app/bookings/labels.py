"""The Chinese names of the bookings' words."""

from __future__ import annotations

from app.bookings.models import Behalf, BookingStatus
from app.venues.rooms import RoomKind

BOOKING_STATUS = {
    BookingStatus.PENDING: "待审核",
    BookingStatus.APPROVED: "已通过",
    BookingStatus.CHECKED_IN: "已签到",
    BookingStatus.REJECTED: "未通过",
    BookingStatus.CANCELLED: "已取消",
    BookingStatus.NO_SHOW: "未到场",
}
ROOM_KIND = {
    RoomKind.SERVICE_ROOM: "服务室",
    RoomKind.MEETING_ROOM: "议事室",
    RoomKind.MUTUAL_AID_ROOM: "互助室",
    RoomKind.LOUNGE: "休闲厅",
    RoomKind.OTHER: "其他",
}
BEHALF = {Behalf.SELF: "个人", Behalf.UNIT: "共建单位", Behalf.MERCHANT: "商户"}
