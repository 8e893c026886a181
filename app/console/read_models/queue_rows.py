"""The rows of one queue page: the columns the page shows, each row's item, category,
resident and member names and whether it is overdue, in one statement of plain rows (no ORM
objects: a page of 50 orders would load some 150 of them and render only a few fields)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from app.accounts.models import User
from app.catalog.models import CatalogItem, Category
from app.members.models import MemberProfile
from app.orders.deadlines import overdue_clause
from app.orders.models import Order

_RESIDENT, _RESIDENT_PROFILE = aliased(User), aliased(MemberProfile)
_MEMBER, _MEMBER_PROFILE = aliased(User), aliased(MemberProfile)
# Built once: aliasing and adapting the columns costs more than running the statement.
_ROWS = (
    select(
        Order.id,
        Order.created_at,
        Order.source,
        Order.community_id,
        Order.kind,
        Order.description,
        Order.address,
        Order.contact_phone,
        Order.status,
        CatalogItem.name.label("item_name"),
        Category.name.label("category_name"),
        # The name the resident gave on the order, else a member's registered name, else the
        # display name; a member: the registered name, else the display name.
        func.coalesce(
            func.nullif(Order.contact_name, ""), _RESIDENT_PROFILE.name, _RESIDENT.shown_name
        ).label("resident_name"),
        func.coalesce(_MEMBER_PROFILE.name, _MEMBER.shown_name).label("member_name"),
    )
    .join(CatalogItem, CatalogItem.id == Order.item_id)
    .join(Category, Category.id == CatalogItem.category_id)
    .join(_RESIDENT, _RESIDENT.id == Order.resident_id)
    .outerjoin(_RESIDENT_PROFILE, _RESIDENT_PROFILE.user_id == Order.resident_id)
    .outerjoin(_MEMBER, _MEMBER.id == Order.member_id)
    .outerjoin(_MEMBER_PROFILE, _MEMBER_PROFILE.user_id == Order.member_id)
)


def row_statement(now: datetime) -> Select:
    """Rows with the columns the queue shows; the caller adds the filters and the page."""
    return _ROWS.add_columns(overdue_clause(now).label("overdue"))
