"""The console's team forms: create and edit a service team, and dispatch an order to one."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.console.forms.members import ScopeArgsSchema
from app.teams.models import TeamKind
from app.validation import text, text_id


class TeamEditFormSchema(ma.Schema):
    """Every field of the edit form: no box ticked is no member, no category."""

    name = text(50, required=True, error_messages={"required": "请填写团队名称"})
    kind = ma.fields.String(
        required=True,
        validate=validate.OneOf([k.value for k in TeamKind], error="请选择团队类型"),
        error_messages={"required": "请选择团队类型"},
    )
    description = text(2000, multiline=True, load_default=None)
    leader_id = text_id(load_default=None)
    member_ids = ma.fields.List(text_id(), load_default=list)
    category_ids = ma.fields.List(text_id(), load_default=list)
    is_active = ma.fields.Boolean(load_default=False)


class TeamFormSchema(TeamEditFormSchema):
    community_id = text_id(required=True, error_messages={"required": "请选择社区"})
    is_active = ma.fields.Boolean(load_default=True)


class TeamArgsSchema(ScopeArgsSchema):
    pass


class TeamDispatchFormSchema(ma.Schema):
    team_id = text_id(required=True, error_messages={"required": "请选择一个团队"})


LIST_FIELDS = ("member_ids", "category_ids")
