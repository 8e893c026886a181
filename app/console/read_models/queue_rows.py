"""The rows of one queue page: the columns the page shows, the resident's and member's
names and whether each order is overdue, in one statement of plain rows (no ORM objects: a
page of 50 orders would load some 150 of them to render a few fields of each). The item's
and category's names come from `queue_options.item_names`, kept per process.

The names are correlated subqueries rather than joins: with four more joins PostgreSQL
spent 8-16 ms planning the statement (which ran in 1 ms), and it is planned each time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute

from app.accounts.models import User
from app.members.models import MemberProfile
from app.orders.deadlines import overdue_clause
from app.orders.models import Order


def _name_of(user_id: InstrumentedAttribute[Any]):
    """A member's registered name, else the display name."""
    return (
        select(func.coalesce(MemberProfile.name, User.shown_name))
        .select_from(User)
        .outerjoin(MemberProfile, MemberProfile.user_id == User.id)
        .where(User.id == user_id)
        .scalar_subquery()
    )


# Built once: building the statement costs more than running it.
_ROWS = select(
    Order.id,
    Order.created_at,
    Order.source,
    Order.community_id,
    Order.item_id,
    Order.kind,
    Order.description,
    Order.address,
    Order.contact_phone,
    Order.status,
    # The name the resident gave on the order, else the resident's.
    func.coalesce(func.nullif(Order.contact_name, ""), _name_of(Order.resident_id)).label(
        "resident_name"
    ),
    _name_of(Order.member_id).label("member_name"),
)


def row_statement(now: datetime) -> Select:
    """Rows with the columns the queue shows; the caller adds the filters and the page."""
    return _ROWS.add_columns(overdue_clause(now).label("overdue"))
