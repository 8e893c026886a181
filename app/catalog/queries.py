"""Read side of the service catalog."""

from __future__ import annotations

from sqlalchemy import case, select
from sqlalchemy.orm import selectinload

from app.cache import register
from app.catalog.models import CatalogItem, Category, CategoryKind
from app.extensions import db

CATALOG = register("catalog", [Category, CatalogItem])

_KIND_ORDER = case(
    {kind.value: rank for rank, kind in enumerate(CategoryKind)},
    value=Category.kind,
    else_=len(CategoryKind),
)


def catalog(kind: str | None = None) -> dict:
    """Categories by kind (public, social, volunteer) then position, each with its active
    items in position order. Two queries, however many items there are."""
    active_items = Category.items.and_(CatalogItem.is_active.is_(True))
    stmt = (
        select(Category)
        .options(selectinload(active_items))
        .order_by(_KIND_ORDER, Category.position, Category.id)
        .execution_options(populate_existing=True)
    )
    if kind:
        stmt = stmt.where(Category.kind == kind)
    return {"categories": list(db.session.scalars(stmt))}
