"""Reads of teams: a community's teams and one team (public pages, no phone), staff's
lists, and the teams to offer when dispatching an order. Three queries a page, whatever
its size: the teams, their members, their categories."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids, require_managed_community
from app.cache import register
from app.catalog.models import Category
from app.errors import NotFound
from app.extensions import db
from app.members.models import MemberProfile
from app.org.models import Community
from app.pagination import paginate
from app.teams.access import managed_team
from app.teams.labels import KIND_LABELS
from app.teams.models import ServiceTeam, TeamCategory, TeamMembership

# The public pages are ready answers, dropped by any edit of a team, a member's name or a
# category.
TEAMS = register("teams", [ServiceTeam, TeamMembership, TeamCategory, MemberProfile, Category])


def community_teams(community_id: int, limit: int, cursor: str | None = None) -> dict:
    """A community's active teams, oldest first."""
    if db.session.get(Community, community_id) is None:
        raise NotFound()
    stmt = select(ServiceTeam).where(
        ServiceTeam.community_id == community_id, ServiceTeam.is_active.is_(True)
    )
    return _page(paginate(stmt, ServiceTeam.id, limit, cursor, oldest_first=True))


def team_page(team_id: int) -> dict:
    team = db.session.get(ServiceTeam, team_id)
    if team is None or not team.is_active:
        raise NotFound()
    return shown([team])[0]


def team_page_of(team_id: int | None) -> dict | None:
    """The team (disbanded or not) whose id an order keeps, for the staff's order page."""
    team = db.session.get(ServiceTeam, team_id) if team_id is not None else None
    return shown([team])[0] if team is not None else None


def staff_teams(
    actor: User, limit: int, cursor: str | None = None, community_id: int | None = None
) -> dict:
    """The teams of the communities the staff member manages, disbanded ones too; a
    `community_id` out of reach is 404, as the contract has it for a query."""
    if community_id is not None:
        require_managed_community(actor, community_id)
    communities = {community_id} if community_id else managed_community_ids(actor)
    stmt = select(ServiceTeam).where(ServiceTeam.community_id.in_(communities))
    return _page(paginate(stmt, ServiceTeam.id, limit, cursor, oldest_first=True))


def staff_team(actor: User, team_id: int) -> dict:
    return shown([managed_team(actor, team_id)])[0]


def teams_for_order(community_id: int, category_id: int) -> list[dict]:
    """The community's active teams that have members, those serving the order's category
    first (each with `serves` true): the choices of a dispatch to a team."""
    stmt = (
        select(ServiceTeam)
        .where(ServiceTeam.community_id == community_id, ServiceTeam.is_active.is_(True))
        .where(ServiceTeam.memberships.any())
        .order_by(ServiceTeam.id)
    )
    teams = shown(list(db.session.scalars(stmt)))
    for team in teams:
        team["serves"] = any(c["id"] == category_id for c in team["categories"])
    return sorted(teams, key=lambda team: not team["serves"])


def _page(page: dict) -> dict:
    return {**page, "items": shown(page["items"])}


def shown(teams: list[ServiceTeam]) -> list[dict]:
    """Each team with its leader, members (with phones, for the schemas that show them)
    and categories."""
    ids = [team.id for team in teams]
    members = defaultdict(list)
    for member in db.session.execute(
        select(
            TeamMembership.team_id, MemberProfile.user_id, MemberProfile.name, MemberProfile.phone
        )
        .join(MemberProfile, MemberProfile.user_id == TeamMembership.user_id)
        .where(TeamMembership.team_id.in_(ids))
        .order_by(TeamMembership.id)
    ):
        members[member.team_id].append(
            {"id": member.user_id, "name": member.name, "phone": member.phone}
        )
    categories = defaultdict(list)
    for row in db.session.execute(
        select(TeamCategory.team_id, Category.id, Category.name)
        .join(Category, Category.id == TeamCategory.category_id)
        .where(TeamCategory.team_id.in_(ids))
        .order_by(Category.position, Category.id)
    ):
        categories[row.team_id].append({"id": row.id, "name": row.name})
    return [_team(team, members[team.id], categories[team.id]) for team in teams]


def _team(team: ServiceTeam, members: list[dict], categories: list[dict]) -> dict:
    leader = next((m for m in members if m["id"] == team.leader_id), None)
    return {
        "id": team.id,
        "community_id": team.community_id,
        "name": team.name,
        "kind": team.kind,
        "kind_label": KIND_LABELS.get(team.kind, team.kind),
        "description": team.description,
        "is_active": team.is_active,
        "leader": leader,
        "members": members,
        "member_count": len(members),
        "categories": categories,
    }
