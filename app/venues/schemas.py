"""Venues (驿路向东): search arguments, the shapes the mini-program reads, and what staff
write."""

import marshmallow as ma

from app.clock import utcnow
from app.geo import hours
from app.geo.schemas import PlaceSchema, PointSearchArgsSchema, radius_field
from app.org.schemas import PlaceBriefSchema
from app.pagination import PageArgsSchema, page_schema
from app.validation import StrictFloat, photo_hosts, photo_list, record_id, text, text_id
from app.venues import intro
from app.venues.hours import open_now
from app.venues.models import VenueType

TYPE_LABELS = {
    VenueType.RED_STATION: "红色驿站",
    VenueType.SERVICE_CENTER: "党群服务中心",
    VenueType.NEIGHBORHOOD: "邻里中心",
    VenueType.CONVENIENCE: "便民服务中心",
    VenueType.CULTURE: "文化服务中心",
    VenueType.ELDERLY_CARE: "健康养老中心",
}
DEFAULT_RADIUS_M, MAX_RADIUS_M = 3000, 50000
MAX_INTRO = 20000  # characters of HTML, before sanitising
MAX_ITEMS = 30  # services, facilities, opening-hours entries
MAX_CLOSED_DATES = 100


def type_field(**kwargs) -> ma.fields.String:
    return ma.fields.String(
        validate=ma.validate.OneOf([t.value for t in VenueType], error="不认识的场所类型"),
        metadata={
            "description": "场所类型："
            + "、".join(f"{t.value} {label}" for t, label in TYPE_LABELS.items())
        },
        **kwargs,
    )


class VenueSearchArgsSchema(PointSearchArgsSchema):
    radius_m = radius_field(DEFAULT_RADIUS_M, MAX_RADIUS_M)
    type = type_field()
    community_id = text_id()


class VenueSchema(PlaceSchema):
    type = ma.fields.String()
    type_label = ma.fields.Function(lambda venue: TYPE_LABELS.get(venue.type, ""))
    facilities = ma.fields.List(ma.fields.String())
    photos = ma.fields.List(ma.fields.String(), metadata={"description": "照片网址，最多 9 张"})
    intro_html = ma.fields.String(metadata={"description": "图文介绍（已净化的 HTML）"})
    open_now = ma.fields.Function(
        lambda venue: open_now(venue, utcnow()),
        metadata={"description": "此刻（北京时间）是否开放：按开放时间，扣除闭馆日与法定节假日"},
    )


class RoomBriefSchema(ma.Schema):
    """A room open to booking (app.venues.rooms)."""

    id = ma.fields.Integer()
    name = ma.fields.String()
    kind = ma.fields.String()
    capacity = ma.fields.Integer()
    facilities = ma.fields.List(ma.fields.String())
    auto_approve = ma.fields.Boolean(metadata={"description": "true：预约无需审核"})


class VenueDetailSchema(VenueSchema):
    description = ma.fields.String()
    community = ma.fields.Nested(PlaceBriefSchema)
    rooms = ma.fields.List(
        ma.fields.Nested(RoomBriefSchema), metadata={"description": "可预约的房间"}
    )


VenuePageSchema = page_schema(VenueSchema, "VenuePage")


# -- what staff write ------------------------------------------------------------------------
class IntroHtml(ma.fields.String):
    """The illustrated description: HTML of up to MAX_INTRO characters, kept sanitised."""

    def __init__(self, **kwargs) -> None:
        super().__init__(validate=ma.validate.Length(max=MAX_INTRO), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        raw = super()._deserialize(value, attr, data, **kwargs)
        return intro.sanitize(raw, photo_hosts())


def check_hours(entry: dict) -> None:
    """An opening-hours entry that app.geo.hours reads, else its Chinese reason."""
    try:
        hours.check_entry(entry)
    except ValueError as error:
        raise ma.ValidationError(str(error)) from None


class OpeningHoursInputSchema(ma.Schema):
    days = text(30, required=True, metadata={"description": "如 周一至周五、周六、周日、每天"})
    hours = text(30, required=True, metadata={"description": "如 08:30-17:30"})

    @ma.validates_schema
    def reads_as_a_week(self, data, **kwargs):
        try:
            hours.check_entry(data)
        except ValueError as error:
            raise ma.ValidationError({"hours": [str(error)]}) from None


class ClosedDateSchema(ma.Schema):
    date = ma.fields.Date(required=True, metadata={"description": "闭馆日，如 2027-01-01"})
    reason = text(50, metadata={"description": "闭馆原因，如 元旦；可不填"})

    @ma.post_load
    def stored(self, data, **kwargs) -> dict:
        return {"date": data["date"].isoformat(), "reason": data.get("reason") or ""}


def short_list(field: ma.fields.Field, maximum: int, **kwargs) -> ma.fields.List:
    return ma.fields.List(
        field, validate=ma.validate.Length(max=maximum, error=f"最多 {maximum} 项"), **kwargs
    )


class VenueInputSchema(ma.Schema):
    """A venue as staff write it; a PATCH sends only the fields it changes."""

    name = text(100, required=True)
    type = type_field(required=True)
    community_id = record_id(required=True)
    address = text(200, required=True)
    latitude = StrictFloat(required=True, validate=ma.validate.Range(min=-90, max=90))
    longitude = StrictFloat(required=True, validate=ma.validate.Range(min=-180, max=180))
    phone = text(30, allow_none=True, metadata={"description": "电话，如 0791-86201234"})
    opening_hours = short_list(ma.fields.Nested(OpeningHoursInputSchema), MAX_ITEMS)
    closed_dates = short_list(ma.fields.Nested(ClosedDateSchema), MAX_CLOSED_DATES)
    closed_on_holidays = ma.fields.Boolean(metadata={"description": "法定节假日是否闭馆"})
    services = short_list(text(50), MAX_ITEMS)
    facilities = short_list(text(50), MAX_ITEMS)
    description = text(2000, metadata={"description": "简介（纯文本）"})
    intro_html = IntroHtml(
        metadata={"description": "图文介绍：标题、段落、列表、粗体、斜体、https 链接和图片"}
    )
    photos = photo_list(metadata={"description": "照片网址，最多 9 张"})


class ClosedDateOutSchema(ma.Schema):
    date = ma.fields.String()
    reason = ma.fields.String()


class StaffVenueSchema(VenueDetailSchema):
    """What staff see of a venue of their scope, hidden or not."""

    hidden = ma.fields.Boolean(metadata={"description": "已隐藏：居民看不到"})
    closed_dates = ma.fields.List(ma.fields.Nested(ClosedDateOutSchema))
    closed_on_holidays = ma.fields.Boolean()
    updated_at = ma.fields.DateTime(allow_none=True)


class StaffVenueArgsSchema(PageArgsSchema):
    community_id = text_id()


StaffVenuePageSchema = page_schema(StaffVenueSchema, "StaffVenuePage")


class VenuePatchSchema(VenueInputSchema):
    """A venue's fields to change, any of them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, partial=True, **kwargs)
