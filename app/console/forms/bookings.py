"""The console's booking forms: the queue's and the usage page's query strings, the reason
of a rejection, a room's form, and the calendar's week."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.bookings.models import BookingStatus
from app.bookings.schemas import UsageArgsSchema
from app.console.forms.members import ScopeArgsSchema
from app.validation import text, text_id
from app.venues.rooms import RoomKind


class BookingQueueArgsSchema(ScopeArgsSchema):
    status = ma.fields.String(
        load_default=BookingStatus.PENDING.value,
        validate=validate.OneOf([s.value for s in BookingStatus], error="无效的预约状态"),
    )
    venue_id = text_id()


class RejectFormSchema(ma.Schema):
    reason = text(200, required=True, error_messages={"required": "请填写未通过的原因"})


class RoomFormSchema(ma.Schema):
    """Every field of the room form; unchecked boxes are sent as nothing, so false."""

    name = text(50, required=True, error_messages={"required": "请填写房间名称"})
    kind = ma.fields.String(
        load_default=RoomKind.OTHER.value,
        validate=validate.OneOf([k.value for k in RoomKind], error="无效的房间类型"),
    )
    capacity = ma.fields.Integer(
        required=True,
        validate=validate.Range(1, 10000, error="容纳人数应为 1 到 10000 的整数"),
        error_messages={"required": "请填写容纳人数", "invalid": "请填写整数"},
    )
    facilities = text(300, load_default="")
    auto_approve = ma.fields.Boolean(load_default=False)
    is_active = ma.fields.Boolean(load_default=False)

    @ma.post_load
    def listed(self, data: dict, **kwargs) -> dict:
        """Facilities typed as "投影仪、白板" become a list."""
        parts = data["facilities"].replace("，", "、").replace(",", "、").split("、")
        return data | {"facilities": [p.strip() for p in parts if p.strip()][:20]}


class WeekArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    week = ma.fields.Date(error_messages={"invalid": "日期格式应为 YYYY-MM-DD"})


class UsageFormSchema(UsageArgsSchema):
    class Meta:
        unknown = ma.EXCLUDE
