"""What a member did in a period, for many members at once: the facts a 反馈卡 freezes and
the member ledger's columns. A fixed number of queries whatever the number of members: one
per kind of fact, each grouped by member (and the 1+X table's)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from app.activities import queries as activities
from app.clock import day_start
from app.commitments.progress import volunteer_services
from app.commitments.table import year_commitments
from app.extensions import db
from app.orders.models import Order, OrderEvent
from app.orders.vocabulary import Action
from app.pairings import queries as pairings
from app.points.models import PointsEntry, PointsReason
from app.records.reports import reports_count
from app.suggestions import queries as suggestions
from app.wishes import queries as wishes

# Counted facts and where each comes from: (member ids, UTC start, UTC end) -> {member: n}.
COUNTED = {
    "orders_completed": volunteer_services,  # service orders completed (微心愿 apart)
    "activities": activities.counts,  # activities checked in to
    "reports": reports_count,  # 周六报到
    "wishes": wishes.counts,  # 微心愿 fulfilled
    "suggestions": suggestions.counts,
    "visits": pairings.counts,  # visits to paired households
}


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """A period of Beijing days, both included, as UTC bounds with the end exclusive."""
    return day_start(start), day_start(end + timedelta(days=1))


def facts_of(member_ids: set[int], start: date, end: date) -> dict[int, dict]:
    """{member id: facts} for every member of `member_ids` (zeros where nothing was done).
    1+X is the year the period ends in, with progress as `/member/commitments` counts it."""
    if not member_ids:
        return {}
    bounds = period_bounds(start, end)
    counted = {key: counter(member_ids, *bounds) for key, counter in COUNTED.items()}
    ratings = _ratings(member_ids, *bounds)
    points = _points_earned(member_ids, *bounds)
    commitments = year_commitments(member_ids, end.year)
    facts = {}
    for member_id in member_ids:
        rows = commitments.get(member_id, [])
        average, rated = ratings.get(member_id, (None, 0))
        facts[member_id] = {
            **{key: counts.get(member_id, 0) for key, counts in counted.items()},
            "points": points.get(member_id, 0),
            "ratings": rated,
            "average_rating": round(average, 1) if average is not None else None,
            "commitment_year": end.year,
            "commitments": [_commitment(row) for row in rows],
            "commitments_kept": sum(1 for row in rows if row["kept"]),
        }
    return facts


def _commitment(row: dict) -> dict:
    return {
        "title": row["title"],
        "kind": row["kind"],
        "done": row["done"],
        "target": row["target"],
        "kept": row["kept"],
    }


def _ratings(member_ids: set[int], start: datetime, end: datetime) -> dict[int, tuple]:
    """{member: (average stars, ratings)} of the orders rated in the period."""
    rated = select(OrderEvent.order_id).where(
        OrderEvent.action == Action.RATE, OrderEvent.at >= start, OrderEvent.at < end
    )
    rows = db.session.execute(
        select(Order.member_id, func.avg(Order.stars), func.count())
        .where(Order.member_id.in_(member_ids), Order.stars.is_not(None), Order.id.in_(rated))
        .group_by(Order.member_id)
    )
    return {member_id: (float(average), count) for member_id, average, count in rows}


def _points_earned(member_ids: set[int], start: datetime, end: datetime) -> dict[int, int]:
    """Points credited in the period: what was spent, and its refunds, left out."""
    rows = db.session.execute(
        select(PointsEntry.member_id, func.sum(PointsEntry.delta))
        .where(
            PointsEntry.member_id.in_(member_ids),
            PointsEntry.delta > 0,
            PointsEntry.reason != PointsReason.REDEMPTION_REFUND,
            PointsEntry.created_at >= start,
            PointsEntry.created_at < end,
        )
        .group_by(PointsEntry.member_id)
    )
    return {member_id: int(total or 0) for member_id, total in rows}
