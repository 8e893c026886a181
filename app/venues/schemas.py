"""Venues (驿路向东): search arguments and the shapes the mini-program reads."""

import marshmallow as ma

from app.org.schemas import PlaceBriefSchema
from app.pagination import PageArgsSchema, page_schema
from app.validation import text_id
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


class VenueSearchArgsSchema(PageArgsSchema):
    lat = ma.fields.Float(
        validate=ma.validate.Range(min=-90, max=90),
        metadata={"description": "纬度 (GCJ-02)，须与 lng 同时提供"},
    )
    lng = ma.fields.Float(
        validate=ma.validate.Range(min=-180, max=180),
        metadata={"description": "经度 (GCJ-02)，须与 lat 同时提供"},
    )
    radius_m = ma.fields.Integer(
        load_default=DEFAULT_RADIUS_M,
        validate=ma.validate.Range(
            min=1, max=MAX_RADIUS_M, error="radius_m 必须在 1 到 50000 之间"
        ),
        metadata={"description": "搜索半径（米），仅在提供 lat、lng 时使用"},
    )
    type = ma.fields.String(
        validate=ma.validate.OneOf([t.value for t in VenueType], error="不认识的场所类型"),
        metadata={
            "description": "场所类型："
            + "、".join(f"{t.value} {label}" for t, label in TYPE_LABELS.items())
        },
    )
    community_id = text_id()

    @ma.validates_schema
    def lat_and_lng_together(self, data, **kwargs):
        if ("lat" in data) != ("lng" in data):
            missing = "lng" if "lat" in data else "lat"
            raise ma.ValidationError({missing: ["lat 和 lng 须同时提供"]})


class OpeningHoursSchema(ma.Schema):
    days = ma.fields.String(metadata={"description": "如 周一至周五"})
    hours = ma.fields.String(metadata={"description": "如 08:30-17:30"})


class NavigationSchema(ma.Schema):
    """The arguments of `wx.openLocation` (一键导航)."""

    latitude = ma.fields.Float()
    longitude = ma.fields.Float()
    name = ma.fields.String()
    address = ma.fields.String()


class _NestedSelf(ma.fields.Nested):
    """Dumps the object itself through the nested schema."""

    def get_value(self, obj, attr, accessor=None, default=ma.missing):
        return obj


class VenueSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    type = ma.fields.String()
    type_label = ma.fields.Function(lambda venue: TYPE_LABELS.get(venue.type, ""))
    community_id = ma.fields.Integer()
    address = ma.fields.String()
    latitude = ma.fields.Float()
    longitude = ma.fields.Float()
    phone = ma.fields.String(allow_none=True)
    opening_hours = ma.fields.List(ma.fields.Nested(OpeningHoursSchema))
    services = ma.fields.List(ma.fields.String())
    facilities = ma.fields.List(ma.fields.String())
    navigation = _NestedSelf(NavigationSchema)
    distance_m = ma.fields.Integer(
        metadata={"description": "距搜索点的距离（米），仅在按位置搜索时给出"}
    )


class VenueDetailSchema(VenueSchema):
    description = ma.fields.String()
    community = ma.fields.Nested(PlaceBriefSchema)


VenuePageSchema = page_schema(VenueSchema, "VenuePage")
