"""Output shapes of the organisation (四级体系) for the mini-program."""
import marshmallow as ma

from app.pagination import PageArgsSchema, page_schema


class ListById(ma.fields.List):
    """A list of objects dumped in id order (relationship collections have no order)."""

    def _serialize(self, value, attr, obj, **kwargs):
        ordered = sorted(value, key=lambda row: row.id) if value is not None else None
        return super()._serialize(ordered, attr, obj, **kwargs)


class StreetSchema(ma.Schema):
    id = ma.fields.Integer()
    code = ma.fields.String()
    name = ma.fields.String()
    district = ma.fields.String(metadata={"description": "所属区，如 东湖区"})


class CommunitySchema(ma.Schema):
    id = ma.fields.Integer()
    code = ma.fields.String()
    name = ma.fields.String()
    address = ma.fields.String()
    street = ma.fields.Nested(StreetSchema)


class BuildingSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    address = ma.fields.String()


class GridSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    buildings = ListById(ma.fields.Nested(BuildingSchema))


class CommunityDetailSchema(CommunitySchema):
    grids = ListById(ma.fields.Nested(GridSchema))


class CommunityListArgsSchema(PageArgsSchema):
    pass


CommunityPageSchema = page_schema(CommunitySchema, "CommunityPage")
