"""The API's shapes of 周六报到, 党员楼栋长 and the 先锋墙: what members send, what each
audience reads, and what staff write."""

import marshmallow as ma
from marshmallow import fields, validate

from app.pagination import page_schema
from app.validation import StrictFloat, photo_url, record_id, text

CODE_LENGTH = 500


class CheckInInputSchema(ma.Schema):
    code = text(
        CODE_LENGTH, required=True, metadata={"description": "扫描报到点二维码得到的报到码"}
    )
    latitude = StrictFloat(
        required=True,
        validate=validate.Range(min=-90, max=90),
        metadata={"description": "当前位置纬度（GCJ-02）"},
    )
    longitude = StrictFloat(
        required=True,
        validate=validate.Range(min=-180, max=180),
        metadata={"description": "当前位置经度（GCJ-02）"},
    )


class CheckInSchema(ma.Schema):
    id = fields.Integer()
    community_id = fields.Integer()
    venue_id = fields.Integer()
    day = fields.Date(metadata={"description": "报到日期（北京时间）"})
    saturday = fields.Boolean(metadata={"description": "是否为周六报到；其他日子算平时报到"})
    distance_m = fields.Integer(metadata={"description": "扫码时距报到点的距离（米）"})
    created_at = fields.DateTime()


CheckInPageSchema = page_schema(CheckInSchema, "CheckInPage")


class LiaisonVenueInputSchema(ma.Schema):
    venue_id = record_id(required=True, metadata={"description": "本社区的场所，作为报到点"})


class LiaisonVenueSchema(ma.Schema):
    community_id = fields.Integer()
    venue_id = fields.Integer()
    chosen_at = fields.DateTime()


class ReminderSchema(ma.Schema):
    reminded = fields.Integer(metadata={"description": "本次提醒的人数（本周已提醒过的不再提醒）"})


class LeadInputSchema(ma.Schema):
    user_id = record_id(required=True, metadata={"description": "本社区已审核通过的党员"})
    duties = text(500, multiline=True, required=True, metadata={"description": "亮职责"})
    commitment = text(500, multiline=True, required=True, metadata={"description": "亮承诺"})


class BuildingLeadSchema(ma.Schema):
    """The 三亮 of a building's lead: 亮身份 (name, unit), 亮职责, 亮承诺."""

    building_id = fields.Integer()
    building_name = fields.String()
    community_id = fields.Integer()
    user_id = fields.Integer()
    name = fields.String()
    unit_name = fields.String(metadata={"description": "所在单位"})
    phone = fields.String(
        allow_none=True, metadata={"description": "联系电话；本社区工作人员以外只见打码号码"}
    )
    duties = fields.String()
    commitment = fields.String()
    appointed_at = fields.DateTime()


class WallInputSchema(ma.Schema):
    photo_url = photo_url(required=True, metadata={"description": "本人照片（先上传）"})
    commitment = text(200, multiline=True, required=True, metadata={"description": "承诺内容"})
    consent = fields.Boolean(
        required=True,
        validate=validate.Equal(True, error="请勾选同意在先锋墙公开展示姓名、照片与承诺"),
        metadata={"description": "同意公开展示，须为 true"},
    )


class OwnWallEntrySchema(ma.Schema):
    id = fields.Integer()
    community_id = fields.Integer()
    photo_url = fields.String()
    commitment = fields.String()
    consented_at = fields.DateTime()
    hidden = fields.Boolean(metadata={"description": "被社区隐藏时不在公开的先锋墙上"})


class DeedsSchema(ma.Schema):
    orders_completed = fields.Integer(metadata={"description": "完成的工单数"})
    points_this_year = fields.Integer(metadata={"description": "今年获得的先锋积分"})


class WallEntrySchema(ma.Schema):
    id = fields.Integer()
    name = fields.String()
    photo_url = fields.String()
    commitment = fields.String()
    deeds = fields.Nested(DeedsSchema)


class StaffWallEntrySchema(WallEntrySchema):
    user_id = fields.Integer()
    hidden = fields.Boolean()


WallPageSchema = page_schema(WallEntrySchema, "WallPage")
StaffWallPageSchema = page_schema(StaffWallEntrySchema, "StaffWallPage")
