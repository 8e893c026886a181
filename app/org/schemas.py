"""Output shapes of the organisation (四级体系) for the mini-program."""

import marshmallow as ma

from app.pagination import page_schema


class SortedList(ma.fields.List):
    """A list dumped in `key` order (by id unless told): relationship collections loaded
    with selectinload come in no guaranteed order."""

    def __init__(self, inner, key=lambda row: row.id, **kwargs):
        super().__init__(inner, **kwargs)
        self.sort_key = key

    def _serialize(self, value, attr, obj, **kwargs):
        ordered = sorted(value, key=self.sort_key) if value is not None else None
        return super()._serialize(ordered, attr, obj, **kwargs)


class PlaceBriefSchema(ma.Schema):
    """A street or a community, briefly."""

    id = ma.fields.Integer()
    code = ma.fields.String()
    name = ma.fields.String()


class StreetSchema(PlaceBriefSchema):
    district = ma.fields.String(metadata={"description": "所属区，如 东湖区"})


class CommunitySchema(PlaceBriefSchema):
    address = ma.fields.String()
    street = ma.fields.Nested(StreetSchema)


class BuildingSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    address = ma.fields.String()


class GridSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    buildings = SortedList(ma.fields.Nested(BuildingSchema))


class CommunityDetailSchema(CommunitySchema):
    grids = SortedList(ma.fields.Nested(GridSchema))


CommunityPageSchema = page_schema(CommunitySchema, "CommunityPage")
