"""Service teams for the tests: one made directly, and the calls of a team order."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.teams.models import ServiceTeam, TeamMembership
from tests.helpers.api import post


def team(community, members, *, name: str = "水电维修队", kind: str = "plumbing") -> ServiceTeam:
    """A team of `community` with `members` (users), the first its leader. Commits."""
    obj = ServiceTeam(community_id=community.id, name=name, kind=kind, description="水电维修")
    obj.leader_id = members[0].id if members else None
    obj.memberships = [TeamMembership(user_id=m.id) for m in members]
    db.session.add(obj)
    db.session.commit()
    return obj


def team_body(community, **overrides) -> dict:
    return {"name": "治安巡逻队", "kind": "patrol", "community_id": community.id, **overrides}


def dispatch_team(client, staff, order_id: int, team_id: int):
    return post(client, staff, f"/staff/orders/{order_id}/dispatch-team", {"team_id": team_id})


def take(client, member, order_id: int):
    return post(client, member, f"/member/orders/{order_id}/take")


def team_count() -> int:
    return db.session.scalar(select(func.count()).select_from(ServiceTeam))


def member_ids_of(team_id: int) -> list[int]:
    stmt = select(TeamMembership.user_id).where(TeamMembership.team_id == team_id)
    return sorted(db.session.scalars(stmt.order_by(TeamMembership.id)))
