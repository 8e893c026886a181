"""Input and output of room booking (云平台): times are ISO 8601 with an offset."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.bookings.labels import BEHALF, BOOKING_STATUS, ROOM_KIND
from app.bookings.models import Behalf, BookingStatus
from app.bookings.rules import MAX_WEEKS
from app.pagination import PageArgsSchema, page_schema
from app.validation import MAX_ID, PeriodArgsSchema, text, text_id
from app.venues.rooms import RoomKind
from app.venues.schemas import RoomBriefSchema


def moment(**kwargs) -> ma.fields.AwareDateTime:
    return ma.fields.AwareDateTime(
        format="iso",
        error_messages={
            "invalid": "应为 ISO 8601 时间，如 2026-12-05T14:00:00+08:00",
            "invalid_awareness": "时间须带时区偏移，如 2026-12-05T14:00:00+08:00",
        },
        **kwargs,
    )


def _whole(low: int, high: int, message: str, **kwargs) -> ma.fields.Integer:
    return ma.fields.Integer(
        strict=True, validate=validate.Range(low, high, error=message), **kwargs
    )


class BookingInSchema(ma.Schema):
    start = moment(required=True, metadata={"description": "开始时间（带时区）"})
    end = moment(required=True, metadata={"description": "结束时间（带时区）"})
    purpose = text(200, required=True, metadata={"description": "用途，1–200 字"})
    attendees = _whole(1, MAX_ID, "人数应为大于 0 的整数", required=True)
    on_behalf_of = ma.fields.String(
        validate=validate.OneOf([b.value for b in Behalf], error="无效的预约身份"),
        metadata={"description": "self 个人 / unit 共建单位（已报到党员）/ merchant 商户"},
    )
    repeat_weeks = _whole(
        1,
        MAX_WEEKS,
        f"每周重复次数应在 1 到 {MAX_WEEKS} 之间",
        metadata={"description": "每周同一时段重复预约的次数（含本次，1–12），全部可约才预约"},
    )

    @ma.validates_schema
    def ordered(self, data: dict, **kwargs) -> None:
        if "start" in data and "end" in data and data["end"] <= data["start"]:
            raise ma.ValidationError("结束时间应晚于开始时间", "end")


class BookingRejectSchema(ma.Schema):
    reason = text(200, required=True, metadata={"description": "未通过的原因，1–200 字"})


class SeriesArgsSchema(ma.Schema):
    series = ma.fields.Boolean(
        load_default=False, metadata={"description": "true：同时处理该每周预约以后的各次"}
    )


class DayArgsSchema(PageArgsSchema):
    date = ma.fields.Date(required=True, metadata={"description": "日期（北京时间）"})


class StaffBookingArgsSchema(PageArgsSchema):
    status = ma.fields.String(
        validate=validate.OneOf([s.value for s in BookingStatus], error="无效的预约状态")
    )
    venue_id = text_id()
    community_id = text_id()


class UsageArgsSchema(PeriodArgsSchema):
    """The period of the usage numbers."""


class SlotSchema(ma.Schema):
    id = ma.fields.Integer()
    start = ma.fields.DateTime(attribute="start_at")
    end = ma.fields.DateTime(attribute="end_at")
    status = ma.fields.String()


class BookingSchema(SlotSchema):
    status = ma.fields.String(
        metadata={
            "description": "、".join(f"{s.value} {label}" for s, label in BOOKING_STATUS.items())
        }
    )
    status_label = ma.fields.Function(lambda b: BOOKING_STATUS.get(b.status, b.status))
    room_id = ma.fields.Integer()
    room_name = ma.fields.String(attribute="room.name")
    venue_id = ma.fields.Integer()
    venue_name = ma.fields.String(attribute="room.venue.name")
    community_id = ma.fields.Integer()
    user_id = ma.fields.Integer(metadata={"description": "预约人"})
    on_behalf_of = ma.fields.String()
    on_behalf_label = ma.fields.Function(lambda b: BEHALF.get(b.on_behalf_of, ""))
    behalf_name = ma.fields.String(allow_none=True, metadata={"description": "共建单位或商户名"})
    purpose = ma.fields.String()
    attendees = ma.fields.Integer()
    series_id = ma.fields.String(allow_none=True, metadata={"description": "每周预约的系列号"})
    reason = ma.fields.String(allow_none=True)
    decided_at = ma.fields.DateTime(allow_none=True)
    checked_in_at = ma.fields.DateTime(allow_none=True)
    created_at = ma.fields.DateTime()


BookingPageSchema = page_schema(BookingSchema, "BookingPage")
SlotPageSchema = page_schema(SlotSchema, "BookingSlotPage")


class RoomFieldsSchema(ma.Schema):
    """What staff may set on a room; all optional here (PATCH)."""

    name = text(50)
    kind = ma.fields.String(
        validate=validate.OneOf([k.value for k in RoomKind], error="无效的房间类型"),
        metadata={"description": "、".join(f"{k.value} {v}" for k, v in ROOM_KIND.items())},
    )
    capacity = _whole(1, 10000, "容纳人数应为 1 到 10000 的整数")
    facilities = ma.fields.List(text(30), validate=validate.Length(max=20))
    auto_approve = ma.fields.Boolean(metadata={"description": "true：预约无需审核，直接通过"})
    is_active = ma.fields.Boolean(metadata={"description": "false：停止预约，不再展示"})


class RoomInSchema(RoomFieldsSchema):
    name = text(50, required=True)
    capacity = _whole(1, 10000, "容纳人数应为 1 到 10000 的整数", required=True)


class RoomSchema(RoomBriefSchema):
    kind_label = ma.fields.Function(lambda room: ROOM_KIND.get(room.kind, ""))
    venue_id = ma.fields.Integer()
    is_active = ma.fields.Boolean()


class UsageSchema(ma.Schema):
    venue_id = ma.fields.Integer()
    name = ma.fields.String()
    bookings = ma.fields.Integer(metadata={"description": "已通过或已签到的预约数"})
    hours = ma.fields.Float(metadata={"description": "这些预约的总时长（小时）"})
    people = ma.fields.Integer(metadata={"description": "这些预约登记的人数之和"})


class UsageListSchema(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(UsageSchema))
