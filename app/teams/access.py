"""Who reaches a team, and whose teams an order dispatched to a team reaches: what the
order loop (`app.orders`) reads of teams."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, bindparam, select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.errors import NotFound
from app.extensions import db
from app.teams.models import ServiceTeam, TeamMembership

MEMBERSHIPS = cast(Table, TeamMembership.__table__)
TEAMS = cast(Table, ServiceTeam.__table__)

_TEAMS_OF = (
    select(MEMBERSHIPS.c.team_id)
    .join(TEAMS, TEAMS.c.id == MEMBERSHIPS.c.team_id)
    .where(MEMBERSHIPS.c.user_id == bindparam("user_id"), TEAMS.c.is_active.is_(True))
)
_MEMBERS_OF = select(MEMBERSHIPS.c.user_id).where(MEMBERSHIPS.c.team_id == bindparam("team_id"))


def managed_team(actor: User, team_id: int) -> ServiceTeam:
    """A team of a community the actor manages (a disbanded one too), else 404."""
    team = db.session.get(ServiceTeam, team_id)
    if team is None or team.community_id not in managed_community_ids(actor):
        raise NotFound()
    return team


def team_ids_of(user_id: int) -> set[int]:
    """The active teams the user is a member of."""
    return set(db.session.scalars(_TEAMS_OF, {"user_id": user_id}))


def team_member_ids(team_id: int) -> list[int]:
    return list(db.session.scalars(_MEMBERS_OF.order_by(MEMBERSHIPS.c.id), {"team_id": team_id}))


def dispatchable_team(team_id: int, community_id: int) -> ServiceTeam | None:
    """The community's active team with at least one member, else None: an order can wait
    for it."""
    team = db.session.get(ServiceTeam, team_id)
    if team is None or team.community_id != community_id or not team.is_active:
        return None
    return team if team.memberships else None
