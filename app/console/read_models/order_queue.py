"""The dispatch console's order queue: status tabs with counts, filters, search and pages.

Every query is bounded to the communities the staff member manages (a street admin: the
street, or the one community chosen). The filters become one list of SQL conditions, shared
by the page, the tab counts and the new-order count, so that the three always agree."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Row, and_, case, func, or_, select

from app.accounts.models import User
from app.auth.permissions import scope_community_ids
from app.cache import answers, register
from app.catalog.models import CatalogItem
from app.clock import day_end, day_start
from app.console.read_models.queue_rows import row_statement
from app.errors import ValidationError
from app.extensions import db
from app.orders.deadlines import overdue_clause
from app.orders.labels import STATUS_LABELS
from app.orders.models import Order, OrderEvent
from app.orders.models import OrderStatus as S
from app.orders.urgency import URGENT_RANK
from app.orders.vocabulary import AWAITING_RESPONSE, FINISHED, Action
from app.org.models import Grid
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
# The filters besides the communities and the status: any of them narrows the tab counts.
NARROWING = (
    "q",
    "category_id",
    "grid_id",
    "source",
    "kind",
    "created_from",
    "created_to",
    "completed_on",
    "overdue",
)
QUEUE_COUNTS = register("console_queue_counts", [Order])
SEARCHED_COLUMNS = (Order.address, Order.contact_phone, Order.description, Order.contact_name)


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Queue:
    tabs: list[Tab]
    total: int
    rows: list[Row]  # queue_rows.row_statement's columns
    next_cursor: str | None


def order_queue(user: User, filters: dict, now: datetime) -> Queue:
    """One page of the queue (urgent first, then newest) with the tab counts under the same
    filters."""
    ids = scope_community_ids(user, filters.get("community_id"))
    conditions = filter_conditions(ids, filters, now)
    counts = _status_counts(ids, conditions, narrowed=any(map(filters.get, NARROWING)))
    stmt = row_statement(now).where(*conditions, *_status_condition(filters.get("status")))
    page = paginate(
        stmt, Order.id, filters["limit"], filters.get("cursor"), rows=True, rank=URGENT_RANK
    )
    return Queue(
        tabs=_tabs(counts),
        total=sum(counts.values()),
        rows=page["items"],
        next_cursor=page["next_cursor"],
    )


def new_order_counts(user: User, filters: dict, since: int, now: datetime) -> tuple[int, int]:
    """(orders newer than `since` under the page's filters, 待审核 count), in one query."""
    conditions = filter_conditions(
        scope_community_ids(user, filters.get("community_id")), filters, now
    )
    newer = and_(Order.id > since, *_status_condition(filters.get("status")))
    stmt = select(
        func.count(case((newer, 1))), func.count(case((Order.status == S.SUBMITTED, 1)))
    ).where(*conditions)
    new, submitted = db.session.execute(stmt).one()
    return new, submitted


def filter_conditions(ids: Collection[int], filters: dict, now: datetime) -> list:
    """The SQL conditions of the communities `ids` and of every filter but the status (the
    tabs count across statuses)."""
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
    if filters.get("kind"):
        conditions.append(Order.kind == filters["kind"])
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


def _status_counts(ids: Collection[int], conditions: list, *, narrowed: bool) -> dict[str, int]:
    """The count of each status under `conditions`; those of the scope alone (the queue as
    it opens) are kept per process until an order is written."""

    def count() -> dict[str, int]:
        stmt = select(Order.status, func.count()).where(*conditions).group_by(Order.status)
        return dict(db.session.execute(stmt).all())

    if narrowed:
        return count()
    return answers().fetch(QUEUE_COUNTS, ",".join(map(str, sorted(ids))), count)


def _tabs(counts: dict[str, int]) -> list[Tab]:
    return [
        Tab(key, label, sum(counts.get(status, 0) for status in statuses))
        for key, (label, statuses) in TABS.items()
    ]
