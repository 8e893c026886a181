"""Venues (驿路向东): search arguments and the shapes the mini-program reads."""

import marshmallow as ma

from app.geo.schemas import PlaceSchema, PointSearchArgsSchema, radius_field
from app.org.schemas import PlaceBriefSchema
from app.pagination import page_schema
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


class VenueSearchArgsSchema(PointSearchArgsSchema):
    radius_m = radius_field(DEFAULT_RADIUS_M, MAX_RADIUS_M)
    type = ma.fields.String(
        validate=ma.validate.OneOf([t.value for t in VenueType], error="不认识的场所类型"),
        metadata={
            "description": "场所类型："
            + "、".join(f"{t.value} {label}" for t, label in TYPE_LABELS.items())
        },
    )
    community_id = text_id()


class VenueSchema(PlaceSchema):
    type = ma.fields.String()
    type_label = ma.fields.Function(lambda venue: TYPE_LABELS.get(venue.type, ""))
    facilities = ma.fields.List(ma.fields.String())


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
