"""The console's 报到 forms: the community and week of the pages, the liaison venue, the
appointment of a building's lead, and the wall's list."""

from __future__ import annotations

import marshmallow as ma

from app.console.forms.members import ScopeArgsSchema
from app.validation import text, text_id


class CommunityArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    community_id = text_id()


class RosterArgsSchema(CommunityArgsSchema):
    week = ma.fields.Date(error_messages={"invalid": "请按 YYYY-MM-DD 填写日期"})


class LiaisonFormSchema(ma.Schema):
    venue_id = text_id(required=True, error_messages={"required": "请选择报到点"})


class LeadFormSchema(ma.Schema):
    user_id = text_id(required=True, error_messages={"required": "请选择党员"})
    duties = text(500, multiline=True, required=True, error_messages={"required": "请填写职责"})
    commitment = text(500, multiline=True, required=True, error_messages={"required": "请填写承诺"})


WallArgsSchema = ScopeArgsSchema
