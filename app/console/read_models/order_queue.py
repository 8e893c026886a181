"""The dispatch console's order queue: status tabs with counts, filters, search and pages.

Every query is bounded to the communities the staff member manages (a street admin: the
street, or the one community chosen). The filters become one list of SQL conditions, shared
by the page, the tab counts and the new-order count, so that the three always agree."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import joinedload

from app.accounts.models import User
from app.auth.permissions import managed_communities, scope_community_ids
from app.catalog.models import CatalogItem, Category
from app.clock import day_end, day_start
from app.errors import ValidationError
from app.extensions import db
from app.members.models import MemberProfile
from app.orders.deadlines import is_overdue, overdue_clause
from app.orders.labels import STATUS_LABELS
from app.orders.models import Order, OrderEvent
from app.orders.models import OrderStatus as S
from app.orders.vocabulary import AWAITING_RESPONSE, FINISHED, Action
from app.org.models import Community, Grid
from app.pagination import paginate

# The queue's tabs, in the order of the work: key -> (label, statuses).
TABS: dict[str, tuple[str, tuple[str, ...]]] = {
    "submitted": ("待审核", (S.SUBMITTED,)),
    "approved": ("待派单", (S.APPROVED,)),
    "dispatched": ("已派单", (S.DISPATCHED,)),
    "published": ("待抢单", (S.PUBLISHED,)),
    "serving": ("服务中", (S.ACCEPTED, S.IN_PROGRESS)),
    "finished": ("已完成", FINISHED),
    "rejected": ("已驳回", (S.REJECTED,)),
}
# Every status filter a link may carry: the tabs, 待处理 (the dashboard's "waiting"), and
# each single status (已评价, 已取消 ...).
STATUS_FILTERS: dict[str, tuple[str, tuple[str, ...]]] = {
    **{status.value: (STATUS_LABELS.get(status, status.value), (status,)) for status in S},
    **TABS,
    "waiting": ("待处理", AWAITING_RESPONSE),
}
SEARCHED_COLUMNS = (Order.address, Order.contact_phone, Order.description, Order.contact_name)


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class QueueRow:
    order: Order
    resident_name: str
    member_name: str | None
    overdue: bool


@dataclass(frozen=True)
class Queue:
    tabs: list[Tab]
    total: int
    rows: list[QueueRow]
    next_cursor: str | None


@dataclass(frozen=True)
class FilterOptions:
    communities: list[Community]
    grids: list[Grid]
    categories: list[Category]


def order_queue(user: User, filters: dict, now: datetime) -> Queue:
    """One page of the queue (newest first) with the tab counts under the same filters."""
    conditions = filter_conditions(user, filters, now)
    counts = _status_counts(conditions)
    stmt = (
        select(Order)
        .where(*conditions, *_status_condition(filters.get("status")))
        .options(joinedload(Order.item).joinedload(CatalogItem.category))
    )
    page = paginate(stmt, Order.id, filters["limit"], filters.get("cursor"))
    return Queue(
        tabs=_tabs(counts),
        total=sum(counts.values()),
        rows=_rows(page["items"], now),
        next_cursor=page["next_cursor"],
    )


def new_order_counts(user: User, filters: dict, since: int, now: datetime) -> tuple[int, int]:
    """(orders newer than `since` under the page's filters, 待审核 count), in one query."""
    conditions = filter_conditions(user, filters, now)
    newer = and_(Order.id > since, *_status_condition(filters.get("status")))
    stmt = select(
        func.count(case((newer, 1))), func.count(case((Order.status == S.SUBMITTED, 1)))
    ).where(*conditions)
    new, submitted = db.session.execute(stmt).one()
    return new, submitted


def filter_conditions(user: User, filters: dict, now: datetime) -> list:
    """The SQL conditions of every filter but the status (the tabs count across statuses)."""
    ids = scope_community_ids(user, filters.get("community_id"))
    conditions: list[ColumnElement[bool]] = [Order.community_id.in_(ids)]
    if filters.get("q"):
        conditions.append(
            or_(*(column.icontains(filters["q"], autoescape=True) for column in SEARCHED_COLUMNS))
        )
    if filters.get("category_id"):
        conditions.append(
            Order.item_id.in_(
                select(CatalogItem.id).where(CatalogItem.category_id == filters["category_id"])
            )
        )
    if filters.get("grid_id"):
        _check_grid(filters["grid_id"], ids)
        conditions.append(Order.grid_id == filters["grid_id"])
    if filters.get("source"):
        conditions.append(Order.source == filters["source"])
    conditions += _date_conditions(filters)
    if filters.get("overdue"):
        conditions.append(overdue_clause(now))
    return conditions


def _date_conditions(filters: dict) -> list:
    conditions = []
    if filters.get("created_from"):
        conditions.append(Order.created_at >= day_start(filters["created_from"]))
    if filters.get("created_to"):
        conditions.append(Order.created_at < day_end(filters["created_to"]))
    if filters.get("completed_on"):
        day = filters["completed_on"]
        conditions.append(
            Order.id.in_(
                select(OrderEvent.order_id).where(
                    OrderEvent.action == Action.COMPLETE,
                    OrderEvent.at >= day_start(day),
                    OrderEvent.at < day_end(day),
                )
            )
        )
    return conditions


def _check_grid(grid_id: int, community_ids: Collection[int]) -> None:
    community_id = db.session.scalar(select(Grid.community_id).where(Grid.id == grid_id))
    if community_id not in community_ids:
        raise ValidationError(details={"grid_id": ["该网格不在所选社区内"]})


def _status_condition(key: str | None) -> list:
    return [Order.status.in_(STATUS_FILTERS[key][1])] if key else []


def _status_counts(conditions: list) -> dict[str, int]:
    stmt = select(Order.status, func.count()).where(*conditions).group_by(Order.status)
    return dict(db.session.execute(stmt).all())


def _tabs(counts: dict[str, int]) -> list[Tab]:
    return [
        Tab(key, label, sum(counts.get(status, 0) for status in statuses))
        for key, (label, statuses) in TABS.items()
    ]


def _rows(orders: list[Order], now: datetime) -> list[QueueRow]:
    names = _names({user_id for o in orders for user_id in (o.resident_id, o.member_id)})
    return [
        QueueRow(
            order=o,
            resident_name=o.contact_name or names.get(o.resident_id, ""),
            member_name=names.get(o.member_id),
            overdue=is_overdue(o, now),
        )
        for o in orders
    ]


def _names(user_ids: set[int | None]) -> dict[int | None, str]:
    """Each user's name in one query: a member's registered name, else the display name."""
    user_ids.discard(None)
    if not user_ids:
        return {}
    stmt = (
        select(User.id, func.coalesce(MemberProfile.name, User.shown_name))
        .outerjoin(MemberProfile, MemberProfile.user_id == User.id)
        .where(User.id.in_(user_ids))
    )
    return dict(db.session.execute(stmt).all())


def filter_options(user: User) -> FilterOptions:
    """What the filter form offers: the user's communities and their grids, the catalog."""
    communities = managed_communities(user)
    grids = db.session.scalars(
        select(Grid)
        .where(Grid.community_id.in_([c.id for c in communities]))
        .order_by(Grid.community_id, Grid.id)
    )
    categories = db.session.scalars(
        select(Category).order_by(Category.kind, Category.position, Category.id)
    )
    return FilterOptions(communities, list(grids), list(categories))
