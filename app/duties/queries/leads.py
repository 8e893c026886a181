"""Reads of 党员楼栋长: a building's lead as its residents see it, a community's buildings with
their leads for staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids, require_managed_community
from app.errors import NotFound
from app.extensions import db
from app.members.models import MemberProfile
from app.orders.schemas import mask_phone
from app.org.leads import BuildingLead
from app.org.models import Building, Grid


def managed_building(actor: User, building_id: int) -> Building:
    """A building of a community the actor manages; any other is not found."""
    building = db.session.scalar(
        select(Building)
        .join(Grid, Grid.id == Building.grid_id)
        .where(Building.id == building_id, Grid.community_id.in_(managed_community_ids(actor)))
    )
    if building is None:
        raise NotFound("找不到该楼栋")
    return building


@dataclass(frozen=True)
class LeadCard:
    """The 三亮 of a building's lead: identity (name, unit), duties, commitment."""

    building_id: int
    building_name: str
    community_id: int
    user_id: int
    name: str
    unit_name: str
    phone: str | None
    duties: str
    commitment: str
    appointed_at: datetime


def _cards():
    return (
        select(
            Building.id.label("building_id"),
            Building.name.label("building_name"),
            Grid.community_id,
            BuildingLead.user_id,
            MemberProfile.name,
            MemberProfile.unit_name,
            MemberProfile.phone,
            BuildingLead.duties,
            BuildingLead.commitment,
            BuildingLead.appointed_at,
        )
        .join(Grid, Grid.id == Building.grid_id)
        .join(BuildingLead, BuildingLead.building_id == Building.id)
        .join(MemberProfile, MemberProfile.user_id == BuildingLead.user_id)
    )


def lead_card(actor: User, building_id: int) -> dict:
    """A building's lead as a signed-in user sees it (404 for a building without one): the
    phone in full for the community's staff only."""
    row = db.session.execute(_cards().where(Building.id == building_id)).first()
    if row is None:
        raise NotFound("该楼栋还没有党员楼栋长")
    card = row._asdict()
    if card["phone"] and card["community_id"] not in managed_community_ids(actor):
        card["phone"] = mask_phone(card["phone"])
    return card


def community_leads(actor: User, community_id: int) -> list[tuple[Building, LeadCard | None]]:
    """Every building of the community, by grid and name, with its lead if it has one: two
    queries."""
    require_managed_community(actor, community_id)
    buildings = list(
        db.session.scalars(
            select(Building)
            .join(Grid, Grid.id == Building.grid_id)
            .where(Grid.community_id == community_id)
            .order_by(Grid.id, Building.id)
        )
    )
    cards = {
        row.building_id: LeadCard(**row._asdict())
        for row in db.session.execute(_cards().where(Grid.community_id == community_id))
    }
    return [(building, cards.get(building.id)) for building in buildings]
