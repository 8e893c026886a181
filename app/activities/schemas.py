"""Input and output of the activities (活动): times are ISO 8601 with an offset."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.activities.labels import AUDIENCE, SIGNUP_STATUS
from app.activities.queries import TABS
from app.activities.rules import MAX_WEEKS
from app.bookings.schemas import moment
from app.pagination import PageArgsSchema, page_schema
from app.validation import StrictFloat, photo_url, record_id, text, text_id


def _whole(low: int, high: int, message: str, **kwargs) -> ma.fields.Integer:
    return ma.fields.Integer(
        strict=True, validate=validate.Range(low, high, error=message), **kwargs
    )


def _coordinate(bound: int) -> StrictFloat:
    return StrictFloat(allow_none=True, validate=validate.Range(min=-bound, max=bound))


class ActivityFieldsSchema(ma.Schema):
    """What staff may set on an activity; all optional here (PATCH)."""

    title = text(50, metadata={"description": "标题，1–50 字"})
    description = text(2000, multiline=True, metadata={"description": "介绍，1–2000 字"})
    start = moment(metadata={"description": "开始时间（带时区）"})
    end = moment(metadata={"description": "结束时间（带时区）"})
    capacity = _whole(1, 100000, "名额应为 1 到 100000 的整数")
    points = _whole(
        0, 10000, "积分应为 0 到 10000 的整数", metadata={"description": "党员签到所得积分"}
    )
    venue_id = record_id(allow_none=True, metadata={"description": "本社区的场所（可选）"})
    address = text(200, allow_none=True, metadata={"description": "无场所时的活动地点"})
    latitude = _coordinate(90)
    longitude = _coordinate(180)
    cover_url = photo_url(allow_none=True, metadata={"description": "封面图片地址"})
    tags = ma.fields.List(text(20), validate=validate.Length(max=10, error="最多 10 个标签"))
    audience = ma.fields.String(
        validate=validate.OneOf(list(AUDIENCE), error="无效的活动对象"),
        metadata={"description": "公告对象：residents 居民 / members 党员 / all 所有人"},
    )

    @ma.validates_schema
    def ordered(self, data: dict, **kwargs) -> None:
        if "start" in data and "end" in data and data["end"] <= data["start"]:
            raise ma.ValidationError("结束时间应晚于开始时间", "end")
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise ma.ValidationError("经纬度需同时提供", "latitude")


class ActivityInSchema(ActivityFieldsSchema):
    title = text(50, required=True)
    description = text(2000, multiline=True, required=True)
    community_id = record_id(required=True)
    start = moment(required=True, metadata={"description": "开始时间（带时区）"})
    end = moment(required=True, metadata={"description": "结束时间（带时区）"})
    capacity = _whole(1, 100000, "名额应为 1 到 100000 的整数", required=True)
    points = _whole(0, 10000, "积分应为 0 到 10000 的整数", required=True)
    repeat_weeks = _whole(
        1,
        MAX_WEEKS,
        f"每周重复次数应在 1 到 {MAX_WEEKS} 之间",
        metadata={"description": "每周同一时段发布的次数（含本次，1–12）"},
    )
    announce = ma.fields.Boolean(
        load_default=True, metadata={"description": "false：不通过红喇叭向活动对象发布公告"}
    )


class SignupInSchema(ma.Schema):
    waitlist = ma.fields.Boolean(
        load_default=False,
        metadata={"description": "true：名额已满时加入候补名单（否则 409 ACTIVITY_FULL）"},
    )


class CheckinInSchema(ma.Schema):
    code = text(32, metadata={"description": "活动签到码（扫码所得）"})
    latitude = _coordinate(90)
    longitude = _coordinate(180)

    @ma.validates_schema
    def one_way(self, data: dict, **kwargs) -> None:
        if data.get("code") is not None:
            return
        if data.get("latitude") is None or data.get("longitude") is None:
            raise ma.ValidationError("请提供签到码，或同时提供经纬度（GCJ-02）", "code")


class ActivityListArgsSchema(PageArgsSchema):
    community_id = text_id()


class StaffActivityArgsSchema(PageArgsSchema):
    tab = ma.fields.String(validate=validate.OneOf(TABS, error="无效的分类"))
    community_id = text_id()


class ActivitySchema(ma.Schema):
    id = ma.fields.Integer()
    community_id = ma.fields.Integer()
    title = ma.fields.String()
    description = ma.fields.String()
    cover_url = ma.fields.String(allow_none=True)
    start = ma.fields.DateTime(attribute="start_at")
    end = ma.fields.DateTime(attribute="end_at")
    capacity = ma.fields.Integer()
    signed_up = ma.fields.Integer(metadata={"description": "已占名额（不含候补）"})
    points = ma.fields.Integer()
    venue_id = ma.fields.Integer(allow_none=True)
    venue_name = ma.fields.Function(lambda a: a.venue.name if a.venue else None)
    address = ma.fields.String(allow_none=True)
    latitude = ma.fields.Float(allow_none=True)
    longitude = ma.fields.Float(allow_none=True)
    tags = ma.fields.List(ma.fields.String())
    audience = ma.fields.String()
    series_id = ma.fields.String(allow_none=True)


class ActivityDetailSchema(ActivitySchema):
    my_status = ma.fields.String(
        allow_none=True, metadata={"description": "我的报名状态，未报名为 null"}
    )


class StaffActivitySchema(ActivitySchema):
    checkin_code = ma.fields.String(metadata={"description": "签到码（工作人员可见）"})
    announcement_id = ma.fields.Integer(allow_none=True)


class SignupSchema(ma.Schema):
    activity_id = ma.fields.Integer()
    status = ma.fields.String(
        metadata={
            "description": "、".join(f"{s.value} {label}" for s, label in SIGNUP_STATUS.items())
        }
    )
    status_label = ma.fields.Function(lambda s: SIGNUP_STATUS.get(s.status, s.status))
    checked_in_at = ma.fields.DateTime(allow_none=True)


class MySignupSchema(SignupSchema):
    id = ma.fields.Integer()
    activity = ma.fields.Nested(ActivitySchema)


ActivityPageSchema = page_schema(ActivitySchema, "ActivityPage")
StaffActivityPageSchema = page_schema(StaffActivitySchema, "StaffActivityPage")
MySignupPageSchema = page_schema(MySignupSchema, "MySignupPage")
