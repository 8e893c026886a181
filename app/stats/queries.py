"""工作台: today's numbers for the communities a staff member manages, in three queries.

The rates (`app/stats/rates.py`) look back `RATE_DAYS` days; one with nothing to count is
shown as "—"."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Row, and_, case, distinct, func, or_, select

from app.accounts.models import User
from app.auth.permissions import scope_community_ids
from app.cache import answers, register
from app.catalog.models import CatalogItem, Category
from app.clock import beijing_today, day_start
from app.extensions import db
from app.orders.deadlines import overdue_clause
from app.orders.models import Order, OrderEvent
from app.orders.vocabulary import AWAITING_COMPLETION, AWAITING_RESPONSE, Action
from app.stats.rates import count, order_rate_columns, rate, rating_columns

RATE_DAYS = 30
MOST_OVERDUE = 5
DASHBOARD = register("dashboard", [Order, OrderEvent, CatalogItem, Category])
# What the list of the most overdue orders shows of each.
_LATE_COLUMNS = (
    Order.id,
    Order.community_id,
    Order.description,
    Order.address,
    Order.status,
    CatalogItem.name.label("item_name"),
    Category.name.label("category_name"),
)


@dataclass(frozen=True)
class Numbers:
    today: date
    new_today: int
    waiting: int
    overdue: int
    completed_today: int
    rated: int
    average_stars: float | None
    response_rate: float | None
    resolution_rate: float | None
    satisfaction_rate: float | None


@dataclass(frozen=True)
class LateOrder:
    order: Row  # the columns of _LATE_COLUMNS
    late_by: timedelta


@dataclass(frozen=True)
class Dashboard:
    numbers: Numbers
    most_overdue: list[LateOrder]


def dashboard(user: User, now: datetime, community_id: int | None = None) -> Dashboard:
    """The numbers of `now`'s minute, kept per process until an order or event is written
    (a write bumps the stamp at its commit, so a change shows on the next read) or the
    minute ends (deadlines passing and days ending change the numbers too)."""
    ids = sorted(scope_community_ids(user, community_id))
    key = f"{','.join(map(str, ids))}@{now:%Y-%m-%dT%H:%M}"
    return answers().fetch(DASHBOARD, key, lambda: _dashboard(ids, now))


def _dashboard(ids: Collection[int], now: datetime) -> Dashboard:
    today = beijing_today(now)
    orders = _order_numbers(ids, now, day_start(today))
    events = _event_numbers(ids, day_start(today), now - timedelta(days=RATE_DAYS))
    numbers = Numbers(today=today, **orders, **events)
    return Dashboard(numbers, _most_overdue(ids, now))


def _order_numbers(ids: Collection[int], now: datetime, today_start: datetime) -> dict:
    stmt = select(
        count(Order.created_at >= today_start),
        count(Order.status.in_(AWAITING_RESPONSE)),
        count(overdue_clause(now)),
        *order_rate_columns(Order.created_at >= now - timedelta(days=RATE_DAYS)),
    ).where(
        Order.community_id.in_(ids),
        # Every row counted is open or recent: read only those (indexes by status and by
        # created_at), not the community's whole history.
        or_(
            Order.status.in_(AWAITING_RESPONSE + AWAITING_COMPLETION),
            Order.created_at >= now - timedelta(days=RATE_DAYS),
        ),
    )
    new, waiting, overdue, recent_total, taken, resolved = db.session.execute(stmt).one()
    return {
        "new_today": new,
        "waiting": waiting,
        "overdue": overdue,
        "response_rate": rate(taken, recent_total),
        "resolution_rate": rate(resolved, recent_total),
    }


def _event_numbers(ids: Collection[int], today_start: datetime, since: datetime) -> dict:
    """Completions today and ratings in the period, from the timeline (when they happened)."""
    completed = and_(OrderEvent.action == Action.COMPLETE, OrderEvent.at >= today_start)
    rated = and_(OrderEvent.action == Action.RATE, OrderEvent.at >= since)
    stmt = (
        select(
            func.count(distinct(case((completed, OrderEvent.order_id)))),
            *rating_columns(OrderEvent.at >= since),
            func.avg(case((rated, Order.stars))),
        )
        .select_from(OrderEvent)
        .join(Order, Order.id == OrderEvent.order_id)
        .where(OrderEvent.community_id.in_(ids), or_(completed, rated))
    )
    completed_today, rated_count, satisfied, average = db.session.execute(stmt).one()
    return {
        "completed_today": completed_today,
        "rated": rated_count,
        "average_stars": round(float(average), 1) if average is not None else None,
        "satisfaction_rate": rate(satisfied, rated_count),
    }


def _most_overdue(ids: Collection[int], now: datetime) -> list[LateOrder]:
    """The orders furthest past the deadline of the stage they are in."""
    deadline = case(
        (Order.status.in_(AWAITING_RESPONSE), Order.respond_by), else_=Order.complete_by
    )
    stmt = (
        select(*_LATE_COLUMNS, deadline.label("due"))
        .join(CatalogItem, CatalogItem.id == Order.item_id)
        .join(Category, Category.id == CatalogItem.category_id)
        .where(Order.community_id.in_(ids), overdue_clause(now))
        .order_by(deadline.asc(), Order.id.asc())
        .limit(MOST_OVERDUE)
    )
    return [LateOrder(row, now - row.due) for row in db.session.execute(stmt)]
