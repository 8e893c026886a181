"""Order use cases that only read: one order, and the lists of each audience."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids, member_community_id
from app.cache import register
from app.catalog.models import CatalogItem
from app.extensions import db
from app.orders.access import managed_facts, visible_order
from app.orders.listing import order_rows
from app.orders.models import FollowUp, Order, OrderNote, OrderStatus
from app.orders.urgency import URGENT_RANK
from app.pagination import paginate
from app.teams.access import team_ids_of


def order_detail(order_id: int, viewer: User) -> Order:
    return visible_order(viewer, order_id)


# A resident's pages of their own orders, kept per resident (miniprogram_api.ready).
MY_ORDERS = register("my_orders", [Order, CatalogItem], keys=1024)


def my_orders(resident: User, limit: int, cursor: str | None = None) -> dict:
    """The resident's own orders, newest first."""
    stmt = order_rows().where(Order.resident_id == resident.id)
    return paginate(stmt, Order.id, limit, cursor, rows=True)


def staff_queue(
    staff: User, limit: int, cursor: str | None = None, status: str | None = None
) -> dict:
    """The orders of the communities the staff member manages (a street admin: the street),
    urgent ones first (`app.orders.urgency`), else newest first."""
    stmt = order_rows().where(Order.community_id.in_(managed_community_ids(staff)))
    if status:
        stmt = stmt.where(Order.status == status)
    return paginate(stmt, Order.id, limit, cursor, rows=True, rank=URGENT_RANK)


def member_pool(member: User, limit: int, cursor: str | None = None) -> dict:
    """The published orders of the member's community: the pool to grab from."""
    stmt = order_rows().where(
        Order.community_id == member_community_id(member),
        Order.status == OrderStatus.PUBLISHED,
        Order.member_id.is_(None),
    )
    return paginate(stmt, Order.id, limit, cursor, rows=True)


def member_orders(
    member: User, limit: int, cursor: str | None = None, status: str | None = None
) -> dict:
    """The orders dispatched to or taken by the member."""
    stmt = order_rows().where(Order.member_id == member.id)
    if status:
        stmt = stmt.where(Order.status == status)
    return paginate(stmt, Order.id, limit, cursor, rows=True)


def team_orders(member: User, limit: int, cursor: str | None = None) -> dict:
    """The orders waiting for one of the member's teams to take them."""
    stmt = order_rows().where(
        Order.status == OrderStatus.DISPATCHED,
        Order.member_id.is_(None),
        Order.team_id.in_(team_ids_of(member.id)),
    )
    return paginate(stmt, Order.id, limit, cursor, rows=True)


def follow_ups_of(order_id: int) -> list[FollowUp]:
    """The order's follow-up calls, oldest first (the caller has checked who may see them)."""
    return list(
        db.session.scalars(
            select(FollowUp).where(FollowUp.order_id == order_id).order_by(FollowUp.id)
        )
    )


def order_notes(order_id: int, viewer: User, limit: int, cursor: str | None = None) -> dict:
    """A page of the order's internal notes, oldest first, for the staff who reach it."""
    order = managed_facts(viewer, order_id)
    stmt = select(OrderNote).where(OrderNote.order_id == order.id)
    return paginate(stmt, OrderNote.id, limit, cursor, oldest_first=True)


def notes_of(order_id: int) -> list[OrderNote]:
    """Every internal note of the order, oldest first (the caller has checked who may see
    them): the console's order page."""
    return list(
        db.session.scalars(
            select(OrderNote).where(OrderNote.order_id == order_id).order_by(OrderNote.id)
        )
    )
