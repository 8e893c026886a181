"""Staff keep their community's service teams: name, kind, description, leader, members
and the catalog categories each serves."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import require_managed_community
from app.catalog.models import Category
from app.errors import TeamNameTaken, ValidationError
from app.extensions import db
from app.members.models import MemberProfile
from app.members.queries import eligible_members
from app.teams.access import managed_team
from app.teams.models import ServiceTeam, TeamCategory, TeamMembership
from app.transaction import use_case

_FIELDS = ("name", "kind", "description", "is_active")


@use_case(conflict=TeamNameTaken)
def create_team(actor: User, data: dict) -> ServiceTeam:
    require_managed_community(actor, data["community_id"])
    team = ServiceTeam(community_id=data["community_id"], **_fields(data))
    db.session.add(team)
    _set_people(team, data.get("leader_id"), data.get("member_ids", []))
    _set_categories(team, data.get("category_ids", []))
    db.session.flush()
    return team


@use_case(conflict=TeamNameTaken)
def update_team(actor: User, team_id: int, data: dict) -> ServiceTeam:
    """Change what is given; `member_ids` and `category_ids` replace the team's whole lists.
    The leader is always one of the members."""
    team = managed_team(actor, team_id)
    for name, value in _fields(data).items():
        setattr(team, name, value)
    if "leader_id" in data or "member_ids" in data:
        members = data.get("member_ids", [m.user_id for m in team.memberships])
        _set_people(team, data.get("leader_id", team.leader_id), members)
    if "category_ids" in data:
        _set_categories(team, data["category_ids"])
    db.session.flush()
    return team


def _fields(data: dict) -> dict:
    return {name: data[name] for name in _FIELDS if name in data}


def _set_people(team: ServiceTeam, leader_id: int | None, member_ids: list[int]) -> None:
    ordered = list(dict.fromkeys([*([leader_id] if leader_id is not None else []), *member_ids]))
    wanted = set(ordered)
    eligible = set(
        db.session.scalars(
            eligible_members(team.community_id)
            .where(MemberProfile.user_id.in_(wanted))
            .with_only_columns(MemberProfile.user_id)
        )
    )
    if leader_id is not None and leader_id not in eligible:
        raise ValidationError(details={"leader_id": ["不是本社区已审核通过的党员"]})
    strangers = sorted(wanted - eligible)
    if strangers:
        listed = "、".join(map(str, strangers))
        raise ValidationError(details={"member_ids": [f"不是本社区已审核通过的党员：{listed}"]})
    team.leader_id = leader_id
    kept = [m for m in team.memberships if m.user_id in wanted]
    known = {m.user_id for m in kept}
    team.memberships = kept + [TeamMembership(user_id=i) for i in ordered if i not in known]


def _set_categories(team: ServiceTeam, category_ids: list[int]) -> None:
    wanted = set(category_ids)
    found = set(db.session.scalars(select(Category.id).where(Category.id.in_(wanted))))
    if found != wanted:
        raise ValidationError(details={"category_ids": ["服务类别不存在"]})
    kept = [c for c in team.categories if c.category_id in wanted]
    known = {c.category_id for c in kept}
    team.categories = kept + [TeamCategory(category_id=i) for i in sorted(wanted - known)]
