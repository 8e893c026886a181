"""What every new order goes through, whoever enters it: its community and catalog item are
checked, and it starts submitted with the item's deadlines. Core statements built once, as
for the moves (`app.orders.snapshot`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Row, bindparam, exists, insert, select

from app.catalog.models import CatalogItem
from app.clock import utcnow
from app.errors import ValidationError
from app.extensions import db
from app.orders.deadlines import deadlines
from app.orders.models import OrderStatus
from app.orders.snapshot import ORDERS, RETURNED, run
from app.org.models import Community

_INSERT = insert(ORDERS).returning(*RETURNED)
_ITEM_COLUMNS = (
    *("id", "name", "points", "is_active"),
    *("response_hours", "completion_hours", "deadline_basis"),
)
_COMMUNITY = exists().where(Community.id == bindparam("community_id"))
_ITEM_AND_COMMUNITY = select(
    *(CatalogItem.__table__.c[name] for name in _ITEM_COLUMNS), _COMMUNITY.label("community")
).where(CatalogItem.id == bindparam("item_id"))
_COMMUNITY_ONLY = select(_COMMUNITY)


def new_order(
    resident_id: int, data: dict, item: Row, source: str, respond_within: timedelta | None = None
) -> Row:
    """A submitted order with its deadlines: the row its INSERT returned (`RETURNED`).
    `respond_within`: a response deadline shorter than the item's (an urgent order)."""
    values = order_values(resident_id, data, item, source, utcnow())
    if respond_within is not None:
        values["respond_by"] = values["created_at"] + respond_within
    return run(_INSERT, values).one()


def order_values(resident_id: int, data: dict, item: Row, source: str, now: datetime) -> dict:
    """The columns of a new submitted order made `now` from `data`."""
    values = {**data, "resident_id": resident_id, "status": OrderStatus.SUBMITTED}
    return values | {"source": source, "created_at": now, "updated_at": now, **deadlines(item, now)}


def check_references(data: dict, errors: dict | None = None) -> Row:
    """The order's catalog item (the columns a new order needs); a missing community or
    item is a 422, with `errors`. One query finds both (a second only when the item is
    missing)."""
    errors = dict(errors or {})
    ids = {"item_id": data["item_id"], "community_id": data["community_id"]}
    item = run(_ITEM_AND_COMMUNITY, ids).first()
    community_found = item.community if item else db.session.scalar(_COMMUNITY_ONLY, ids)
    if "community_id" not in errors and not community_found:
        errors["community_id"] = ["社区不存在"]
    if item is None or not item.is_active:
        errors["item_id"] = ["服务项目不存在或已停用"]
    if errors or item is None:
        raise ValidationError(details=errors)
    return item
