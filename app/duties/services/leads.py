"""党员楼栋长: staff appoint an approved member of the community to a building, with the duties
and commitment shown beside their name (三亮), and remove them. One lead per building: the
building is the key of `building_leads`, so of two appointments racing one is refused."""

from __future__ import annotations

from sqlalchemy import delete, insert

from app.accounts.models import User
from app.clock import utcnow
from app.db_types import rowcount
from app.duties.queries.leads import managed_building
from app.errors import BuildingLeadExists, NotFound, ValidationError
from app.extensions import db
from app.orders.candidates import candidate_name
from app.org.leads import BuildingLead
from app.org.models import Grid
from app.transaction import use_case


@use_case(conflict=BuildingLeadExists)
def appoint(actor: User, building_id: int, data: dict) -> BuildingLead:
    """Appoint `data["user_id"]` lead of the building; 409 when it has one already."""
    building = managed_building(actor, building_id)
    community_id = db.session.get_one(Grid, building.grid_id).community_id
    if candidate_name(data["user_id"], community_id) is None:
        raise ValidationError(details={"user_id": ["只能任命本社区已审核通过的报到党员"]})
    db.session.execute(
        insert(BuildingLead).values(
            building_id=building.id,
            user_id=data["user_id"],
            duties=data["duties"],
            commitment=data["commitment"],
            appointed_by_id=actor.id,
            appointed_at=utcnow(),
        )
    )
    return db.session.get_one(BuildingLead, building.id)


@use_case
def remove(actor: User, building_id: int) -> None:
    """The building's lead steps down (卸任); 404 when it has none."""
    managed_building(actor, building_id)
    removed = db.session.execute(
        delete(BuildingLead).where(BuildingLead.building_id == building_id)
    )
    if not rowcount(removed):
        raise NotFound("该楼栋还没有党员楼栋长")
