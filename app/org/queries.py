"""Read side of the organisation: communities with their street, grids and buildings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.cache import register
from app.errors import NotFound
from app.extensions import db
from app.org.models import Building, Community, Grid, Street
from app.pagination import paginate

COMMUNITIES = register("communities", [Street, Community, Grid, Building])


def list_communities(limit: int, cursor: str | None = None) -> dict:
    """Communities in id order (oldest first), one page."""
    stmt = select(Community).options(selectinload(Community.street))
    return paginate(stmt, Community.id, limit, cursor, oldest_first=True)


def get_community(community_id: int) -> Community:
    """One community with its street, grids and buildings; NotFound when unknown."""
    stmt = (
        select(Community)
        .where(Community.id == community_id)
        .options(
            selectinload(Community.street),
            selectinload(Community.grids).selectinload(Grid.buildings),
        )
    )
    community = db.session.scalar(stmt)
    if community is None:
        raise NotFound("找不到该社区")
    return community
