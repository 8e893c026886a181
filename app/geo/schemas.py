"""The shapes venues and merchants share: the point of a search near it, opening hours and
the navigation payload (一键导航)."""

import marshmallow as ma

from app.pagination import PageArgsSchema


def radius_field(default: int, maximum: int) -> ma.fields.Integer:
    return ma.fields.Integer(
        load_default=default,
        validate=ma.validate.Range(
            min=1, max=maximum, error=f"radius_m 必须在 1 到 {maximum} 之间"
        ),
        metadata={"description": "搜索半径（米），仅在提供 lat、lng 时使用"},
    )


class PointSearchArgsSchema(PageArgsSchema):
    """A list that, given `lat` and `lng` (both or neither), is searched near that point."""

    lat = ma.fields.Float(
        validate=ma.validate.Range(min=-90, max=90),
        metadata={"description": "纬度 (GCJ-02)，须与 lng 同时提供"},
    )
    lng = ma.fields.Float(
        validate=ma.validate.Range(min=-180, max=180),
        metadata={"description": "经度 (GCJ-02)，须与 lat 同时提供"},
    )

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


class NestedSelf(ma.fields.Nested):
    """Dumps the object itself through the nested schema."""

    def get_value(self, obj, attr, accessor=None, default=ma.missing):
        return obj


class PlaceSchema(ma.Schema):
    """What a list shows of every place on the map, venue or merchant."""

    id = ma.fields.Integer()
    name = ma.fields.String()
    community_id = ma.fields.Integer()
    address = ma.fields.String()
    latitude = ma.fields.Float()
    longitude = ma.fields.Float()
    phone = ma.fields.String(allow_none=True)
    opening_hours = ma.fields.List(ma.fields.Nested(OpeningHoursSchema))
    services = ma.fields.List(ma.fields.String())
    navigation = NestedSelf(NavigationSchema)
    distance_m = ma.fields.Integer(
        metadata={"description": "距搜索点的距离（米），仅在按位置搜索时给出"}
    )
