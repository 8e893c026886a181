"""Any period's statistics for staff (CONTRACT §6.7): the orders created in it, the rates of
`app/stats/rates.py` over them, and what happened each Beijing day. Two queries besides the
scope, whatever the period's length: one grouped by day and category over the orders, one
grouped by day over the completions and ratings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, distinct, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from app.accounts.models import User
from app.auth.permissions import managed_communities, reachable_community_ids
from app.catalog.models import CatalogItem, Category
from app.clock import day_end, day_start
from app.extensions import db
from app.orders.models import Order, OrderEvent
from app.orders.vocabulary import FINISHED, Action
from app.stats.rates import count, order_rate_columns, rate, rating_columns


class beijing_day(FunctionElement):
    """The Beijing calendar day of a UTC timestamp column, as `YYYY-MM-DD` text."""

    inherit_cache = True


@compiles(beijing_day, "postgresql")
def _beijing_day_pg(element, compiler, **kw):
    column = compiler.process(element.clauses, **kw)
    return f"to_char({column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"


@compiles(beijing_day)
def _beijing_day_sqlite(element, compiler, **kw):
    return f"date({compiler.process(element.clauses, **kw)}, '+8 hours')"


def period_stats(actor: User, start: date, end: date, community_id: int | None = None) -> dict:
    """The numbers of [start, end] (Beijing days, both included) over the actor's communities
    or the one picked among them (another is NOT_FOUND)."""
    ids = reachable_community_ids(actor, community_id)
    created = and_(Order.created_at >= day_start(start), Order.created_at < day_end(end))
    days = {start + timedelta(n): {"created": 0, "completed": 0} for n in _days(start, end)}
    orders = _order_figures(ids, created, days)
    ratings = _event_figures(ids, start, end, days)
    return {
        **orders,
        "satisfaction_rate": rate(*ratings),
        "by_day": [{"date": day, **figures} for day, figures in days.items()],
    }


def _days(start: date, end: date) -> Iterable[int]:
    return range((end - start).days + 1)


def _order_figures(ids: Collection[int], created: ColumnElement[bool], days: dict) -> dict:
    day = beijing_day(Order.created_at)
    stmt = (
        select(
            day,
            Category.id,
            Category.name,
            func.count(),
            count(Order.status.in_(FINISHED)),
            *order_rate_columns(),
        )
        .join(CatalogItem, CatalogItem.id == Order.item_id)
        .join(Category, Category.id == CatalogItem.category_id)
        .where(Order.community_id.in_(ids), created)
        .group_by(day, Category.id, Category.name)
    )
    totals = Counter[str]()
    categories: dict[int, dict] = {}
    for on, category_id, name, made, finished, needed, taken, resolved in db.session.execute(stmt):
        days[date.fromisoformat(on)]["created"] += made
        shown = categories.setdefault(category_id, {"category_id": category_id, "name": name})
        shown["count"] = shown.get("count", 0) + made
        totals.update(made=made, finished=finished, needed=needed, taken=taken, resolved=resolved)
    return {
        "orders_created": totals["made"],
        "orders_completed": totals["finished"],
        "response_rate": rate(totals["taken"], totals["needed"]),
        "resolution_rate": rate(totals["resolved"], totals["needed"]),
        "by_category": sorted(categories.values(), key=lambda c: (-c["count"], c["category_id"])),
    }


def _event_figures(ids: Collection[int], start: date, end: date, days: dict) -> tuple[int, int]:
    """Completions per day (an order completed twice on one day, after a reopening, once) and
    the ratings given in the period: (satisfied, rated)."""
    day = beijing_day(OrderEvent.at)
    completed = OrderEvent.action == Action.COMPLETE
    stmt = (
        select(
            day,
            func.count(distinct(case((completed, OrderEvent.order_id)))),
            *rating_columns(),
        )
        .join(Order, Order.id == OrderEvent.order_id)
        .where(
            OrderEvent.community_id.in_(ids),
            OrderEvent.at >= day_start(start),
            OrderEvent.at < day_end(end),
            or_(completed, OrderEvent.action == Action.RATE),
        )
        .group_by(day)
    )
    rated = satisfied = 0
    for on, completions, ratings, content in db.session.execute(stmt):
        days[date.fromisoformat(on)]["completed"] += completions
        rated, satisfied = rated + ratings, satisfied + content
    return satisfied, rated


def side_by_side(actor: User, start: date, end: date) -> list[dict]:
    """Each community the actor manages over [start, end]: its counts and rates, in id order,
    for a street admin to compare. Three queries whatever the number of communities."""
    communities = managed_communities(actor)
    ids = [community.id for community in communities]
    created = and_(Order.created_at >= day_start(start), Order.created_at < day_end(end))
    orders = db.session.execute(
        select(
            Order.community_id,
            func.count(),
            count(Order.status.in_(FINISHED)),
            *order_rate_columns(),
        )
        .where(Order.community_id.in_(ids), created)
        .group_by(Order.community_id)
    )
    ratings = db.session.execute(
        select(OrderEvent.community_id, *rating_columns())
        .join(Order, Order.id == OrderEvent.order_id)
        .where(
            OrderEvent.community_id.in_(ids),
            OrderEvent.action == Action.RATE,
            OrderEvent.at >= day_start(start),
            OrderEvent.at < day_end(end),
        )
        .group_by(OrderEvent.community_id)
    )
    made = {row[0]: row[1:] for row in orders}
    rated = {row[0]: row[1:] for row in ratings}
    return [_compared(c, made.get(c.id, (0,) * 5), rated.get(c.id, (0, 0))) for c in communities]


def _compared(community, made: tuple, rated: tuple) -> dict:
    created, finished, needed, taken, resolved = made
    return {
        "community_id": community.id,
        "name": community.name,
        "orders_created": created,
        "orders_completed": finished,
        "response_rate": rate(taken, needed),
        "resolution_rate": rate(resolved, needed),
        "satisfaction_rate": rate(rated[1], rated[0]),
    }
