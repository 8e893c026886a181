"""How much of each 1+X commitment a member has done: one counter per kind, each a single
grouped query over a period for a set of members, so that a list of many members costs a
fixed number of queries.

A counter takes (member ids, start, end) — UTC bounds, the end exclusive — and answers
{member id: times done}; members who did nothing may be left out. Every standard kind is
counted; a community's own items are marked by staff (`custom_marks`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import distinct, func, select

from app.activities import queries as activities
from app.clock import day_start
from app.commitments.models import Commitment, CommitmentKind, CommitmentMark
from app.extensions import db
from app.orders.models import Order, OrderEvent
from app.orders.vocabulary import FINISHED, Action
from app.pairings import queries as pairings
from app.suggestions import queries as suggestions
from app.wishes import queries as wishes

Counter = Callable[[set[int], datetime, datetime], dict[int, int]]


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The Beijing calendar year as UTC bounds, the end exclusive."""
    return day_start(date(year, 1, 1)), day_start(date(year + 1, 1, 1))


def volunteer_services(member_ids: set[int], start: datetime, end: datetime) -> dict[int, int]:
    """开展一次志愿服务: orders the member completed in the period (completed, rated or
    closed since), 微心愿 left to their own kind; a reopened order counts once."""
    counts = db.session.execute(
        select(Order.member_id, func.count(distinct(Order.id)))
        .join(OrderEvent, OrderEvent.order_id == Order.id)
        .where(
            Order.member_id.in_(member_ids),
            Order.status.in_(FINISHED),
            Order.kind != "wish",
            OrderEvent.action == Action.COMPLETE,
            OrderEvent.at >= start,
            OrderEvent.at < end,
        )
        .group_by(Order.member_id)
    ).all()
    return {member_id: count for member_id, count in counts if member_id is not None}


COUNTERS: dict[CommitmentKind, Counter] = {
    CommitmentKind.ACTIVITY: activities.counts,  # activities checked in to
    CommitmentKind.PAIRING: pairings.counts,  # visits logged to paired households
    CommitmentKind.VOLUNTEER: volunteer_services,
    CommitmentKind.WISH: wishes.counts,  # 微心愿 lit and fulfilled
    CommitmentKind.SUGGESTION: suggestions.counts,  # 意见建议 made
}


def custom_marks(commitment_ids: set[int]) -> dict[int, int]:
    """Items a community added: staff's marks, {commitment id: marks}."""
    counts = db.session.execute(
        select(CommitmentMark.commitment_id, func.count())
        .where(CommitmentMark.commitment_id.in_(commitment_ids))
        .group_by(CommitmentMark.commitment_id)
    ).all()
    return dict(counts)


def done_counts(commitments: list[Commitment]) -> dict[int, int | None]:
    """{commitment id: done} for commitments of any members and years; None where the kind
    is not counted. One query per counted kind and year present, and one for the marks."""
    done: dict[int, int | None] = {c.id: None for c in commitments}
    groups: dict[tuple[str, int], list[Commitment]] = {}
    for commitment in commitments:
        if commitment.kind in COUNTERS:
            groups.setdefault((commitment.kind, commitment.year), []).append(commitment)
    for (kind, year), group in groups.items():
        counts = COUNTERS[CommitmentKind(kind)]({c.member_id for c in group}, *year_bounds(year))
        done.update({c.id: counts.get(c.member_id, 0) for c in group})
    custom = {c.id for c in commitments if c.kind == CommitmentKind.CUSTOM}
    if custom:
        marks = custom_marks(custom)
        done.update({commitment_id: marks.get(commitment_id, 0) for commitment_id in custom})
    return done
