"""What every new order goes through, whoever enters it: its community and catalog item are
checked, and it starts submitted with the item's deadlines."""

from __future__ import annotations

from sqlalchemy import exists, select

from app.catalog.models import CatalogItem
from app.clock import utcnow
from app.errors import ValidationError
from app.extensions import db
from app.orders.deadlines import set_deadlines
from app.orders.models import Order, OrderStatus
from app.org.models import Community


def new_order(resident_id: int, data: dict, item: CatalogItem, source: str) -> Order:
    """A submitted order with its deadlines, flushed (so it has an id)."""
    now = utcnow()
    order = Order(
        resident_id=resident_id, status=OrderStatus.SUBMITTED, source=source, created_at=now, **data
    )
    set_deadlines(order, item, now)
    db.session.add(order)
    db.session.flush()
    return order


def check_references(data: dict, errors: dict | None = None) -> CatalogItem:
    """The order's catalog item; a missing community or item is a 422, with `errors`. One
    query finds both (a second only when the item is missing)."""
    errors = dict(errors or {})
    community = exists().where(Community.id == data["community_id"])
    found = db.session.execute(
        select(CatalogItem, community).where(CatalogItem.id == data["item_id"])
    ).first()
    item, community_found = found if found else (None, db.session.scalar(select(community)))
    if "community_id" not in errors and not community_found:
        errors["community_id"] = ["社区不存在"]
    if item is None or not item.is_active:
        errors["item_id"] = ["服务项目不存在或已停用"]
    if errors or item is None:
        raise ValidationError(details=errors)
    return item
