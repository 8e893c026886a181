"""一键通 reads: a page of the devices staff reach, and the number waiting behind the
console's badge. A fixed number of queries whatever the page size."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.accounts.models import Role, User
from app.auth.permissions import managed_community_ids, scope_community_ids
from app.cache import answers, register
from app.devices.models import Device, DeviceCarer
from app.extensions import db
from app.orders.models import Order, OrderSource
from app.orders.vocabulary import AWAITING_RESPONSE
from app.pagination import paginate


def device_page(actor: User, filters: dict) -> dict:
    """The devices of the communities the actor manages (or the one chosen), newest first;
    `silent`: only those flagged silent."""
    ids = scope_community_ids(actor, filters.get("community_id"))
    stmt = (
        select(Device)
        .where(Device.community_id.in_(ids))
        .options(selectinload(Device.carers).joinedload(DeviceCarer.user))
    )
    if filters.get("silent") is not None:
        flagged = Device.silent_since.is_not(None)
        stmt = stmt.where(flagged if filters["silent"] else ~flagged)
    return paginate(stmt, Device.id, filters["limit"], filters.get("cursor"))


# The badge's counts, kept per scope until an order or a device is written.
WAITING_COUNTS = register("devices_waiting", [Order, Device])


def waiting_count(actor: User) -> int:
    """Presses nobody has answered yet, and devices gone silent: the console's badge."""
    admin, staff = actor.role(Role.STREET_ADMIN), actor.role(Role.STAFF)
    key = f"street:{admin and admin.street_id},community:{staff and staff.community_id}"
    return answers().fetch(WAITING_COUNTS, key, lambda: _waiting(actor))


def _waiting(actor: User) -> int:
    ids = managed_community_ids(actor)
    if not ids:
        return 0
    presses = select(func.count(Order.id)).where(
        Order.community_id.in_(ids),
        Order.source == OrderSource.DEVICE,
        Order.status.in_(AWAITING_RESPONSE),
    )
    silent = select(func.count(Device.id)).where(
        Device.community_id.in_(ids), Device.silent_since.is_not(None)
    )
    return db.session.scalar(select(presses.scalar_subquery() + silent.scalar_subquery())) or 0
