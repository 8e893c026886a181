"""Input and output of login and `/me`. Nothing here ever dumps an openid, a session_key
or a password hash."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.org.schemas import PlaceBriefSchema
from app.validation import no_control


class WechatLoginSchema(ma.Schema):
    code = ma.fields.String(
        required=True,
        validate=[validate.Length(min=1, max=128), no_control],
        metadata={"description": "wx.login() 得到的临时登录凭证"},
    )


class StaffLoginSchema(ma.Schema):
    username = ma.fields.String(
        required=True, validate=[validate.Length(min=1, max=64), no_control]
    )
    password = ma.fields.String(
        required=True, validate=[validate.Length(min=1, max=128), no_control], load_only=True
    )


class UserBriefSchema(ma.Schema):
    id = ma.fields.Integer()
    roles = ma.fields.List(
        ma.fields.String(),
        attribute="role_names",
        metadata={"description": "resident, member, staff, street_admin"},
    )


class LoginResultSchema(ma.Schema):
    token = ma.fields.String(metadata={"description": "Authorization: Bearer <token>"})
    user = ma.fields.Nested(UserBriefSchema)


class MeMemberSchema(ma.Schema):
    id = ma.fields.Integer(metadata={"description": "报到申请的 id"})
    status = ma.fields.String(metadata={"description": "pending, approved, rejected"})
    community_id = ma.fields.Integer()
    name = ma.fields.String()
    reject_reason = ma.fields.String(allow_none=True)


class MeStaffSchema(ma.Schema):
    username = ma.fields.String()
    community = ma.fields.Nested(
        PlaceBriefSchema, allow_none=True, metadata={"description": "社区工作人员所在社区"}
    )
    street = ma.fields.Nested(
        PlaceBriefSchema, allow_none=True, metadata={"description": "街道管理员所管街道"}
    )


class MeSchema(ma.Schema):
    id = ma.fields.Integer()
    roles = ma.fields.List(ma.fields.String())
    display_name = ma.fields.String(allow_none=True)
    community = ma.fields.Nested(
        PlaceBriefSchema,
        allow_none=True,
        metadata={"description": "所在社区：工作人员或党员的社区"},
    )
    member = ma.fields.Nested(
        MeMemberSchema,
        allow_none=True,
        metadata={"description": "党员报到申请及其状态，未申请为 null"},
    )
    staff = ma.fields.Nested(
        MeStaffSchema,
        allow_none=True,
        metadata={"description": "工作人员的管理范围，非工作人员为 null"},
    )
