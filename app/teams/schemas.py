"""Input and output of the service teams (志愿服务团队)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from app.pagination import PageArgsSchema, page_schema
from app.teams.models import TeamKind
from app.validation import record_id, text, text_id

_KINDS = [kind.value for kind in TeamKind]
_KIND_HELP = (
    "plumbing 水电维修 / patrol 治安巡逻 / health 医疗保健 / legal 法律援助 / culture 文化宣传 / "
    "lecture 宣讲队 / mediation 和事佬 / red_armband 红袖标 / white_angel 白天使 / "
    "helping_hand 热心帮 / other 其他"
)


def _ids(description: str) -> fields.List:
    return fields.List(
        record_id(), validate=validate.Length(max=200), metadata={"description": description}
    )


class TeamFieldsSchema(ma.Schema):
    """What staff may set on a team; all optional here (PATCH)."""

    name = text(50, metadata={"description": "团队名称，1–50 字，本社区内不重名"})
    kind = fields.String(validate=validate.OneOf(_KINDS), metadata={"description": _KIND_HELP})
    description = text(2000, multiline=True, allow_none=True)
    leader_id = record_id(
        allow_none=True, metadata={"description": "队长：本社区已审核的党员的用户 id，自动入队"}
    )
    member_ids = _ids("队员：本社区已审核的党员的用户 id（整体替换）；一名党员可加入多个团队")
    category_ids = _ids("团队服务的服务清单类别 id（整体替换）：派单时优先推荐")
    is_active = fields.Boolean(metadata={"description": "false 为解散：不再展示、不能派单"})


class TeamInSchema(TeamFieldsSchema):
    name = text(50, required=True, metadata={"description": "团队名称，1–50 字，本社区内不重名"})
    kind = fields.String(
        required=True, validate=validate.OneOf(_KINDS), metadata={"description": _KIND_HELP}
    )
    community_id = record_id(required=True)


class TeamPersonSchema(ma.Schema):
    id = fields.Integer(metadata={"description": "党员的用户 id"})
    name = fields.String()


class StaffTeamPersonSchema(TeamPersonSchema):
    phone = fields.String(allow_none=True)


class TeamCategorySchema(ma.Schema):
    id = fields.Integer()
    name = fields.String()


class TeamSchema(ma.Schema):
    """A team as anyone sees it: names only, never a phone."""

    id = fields.Integer()
    community_id = fields.Integer()
    name = fields.String()
    kind = fields.String(metadata={"description": _KIND_HELP})
    kind_label = fields.String()
    description = fields.String(allow_none=True)
    leader = fields.Nested(TeamPersonSchema, allow_none=True)
    members = fields.List(fields.Nested(TeamPersonSchema))
    member_count = fields.Integer()
    categories = fields.List(fields.Nested(TeamCategorySchema))


class StaffTeamSchema(TeamSchema):
    leader = fields.Nested(StaffTeamPersonSchema, allow_none=True)
    members = fields.List(fields.Nested(StaffTeamPersonSchema))
    is_active = fields.Boolean()


TeamPageSchema = page_schema(TeamSchema, "TeamPage")
StaffTeamPageSchema = page_schema(StaffTeamSchema, "StaffTeamPage")


class StaffTeamArgsSchema(PageArgsSchema):
    community_id = text_id()


class TeamDispatchSchema(ma.Schema):
    team_id = record_id(required=True, metadata={"description": "本社区服务团队的 id"})
