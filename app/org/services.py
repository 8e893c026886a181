"""Read side of the organisation: communities with their street, grids and buildings."""
from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from app.errors import NotFound
from app.extensions import db
from app.org.models import Community, Grid
from app.pagination import decode_cursor, encode_cursor


def list_communities(limit: int, cursor: str | None = None) -> dict:
    """Communities in id order (oldest first), one page."""
    stmt = select(Community).options(selectinload(Community.street))
    return id_ascending_page(stmt, Community.id, limit, cursor)


def id_ascending_page(stmt: Select, id_column, limit: int, cursor: str | None) -> dict:
    """Like `app.pagination.paginate`, but oldest first: for reference lists (communities,
    venues) where a stable, natural order matters more than recency."""
    if cursor:
        stmt = stmt.where(id_column > decode_cursor(cursor))
    rows = list(db.session.scalars(stmt.order_by(id_column).limit(limit + 1)))
    items = rows[:limit]
    next_cursor = encode_cursor(getattr(items[-1], id_column.key)) if len(rows) > limit else None
    return {"items": items, "next_cursor": next_cursor}


def get_community(community_id: int) -> Community:
    """One community with its street, grids and buildings; NotFound when unknown."""
    stmt = select(Community).where(Community.id == community_id).options(
        selectinload(Community.street),
        selectinload(Community.grids).selectinload(Grid.buildings))
    community = db.session.scalar(stmt)
    if community is None:
        raise NotFound("找不到该社区")
    return community
