"""The points ledger's reads: a balance (one row), a page of entries, a yearly statement."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select

from app.accounts.models import User
from app.clock import day_start
from app.extensions import db
from app.pagination import paginate
from app.points.models import PointsBalance, PointsEntry


def balance(member_id: int) -> int:
    value = db.session.scalar(
        select(PointsBalance.balance).where(PointsBalance.user_id == member_id)
    )
    return int(value or 0)


def ledger(member: User, limit: int, cursor: str | None = None) -> dict:
    """The member's balance and one page of their entries, newest first."""
    stmt = select(PointsEntry).where(PointsEntry.member_id == member.id)
    return {"balance": balance(member.id), **paginate(stmt, PointsEntry.id, limit, cursor)}


def statement(member: User, year: int) -> dict:
    """A Beijing calendar year of the member's ledger: the balance before it, what it
    credited and debited (both as positive totals), the balance after it, its entries
    oldest first."""
    start, end = day_start(date(year, 1, 1)), day_start(date(year + 1, 1, 1))
    mine = PointsEntry.member_id == member.id
    opening = db.session.scalar(
        select(func.coalesce(func.sum(PointsEntry.delta), 0)).where(
            mine, PointsEntry.created_at < start
        )
    )
    in_year = (mine, PointsEntry.created_at >= start, PointsEntry.created_at < end)
    credits, debits = db.session.execute(
        select(
            func.coalesce(func.sum(case((PointsEntry.delta > 0, PointsEntry.delta), else_=0)), 0),
            func.coalesce(func.sum(case((PointsEntry.delta < 0, -PointsEntry.delta), else_=0)), 0),
        ).where(*in_year)
    ).one()
    entries = db.session.scalars(select(PointsEntry).where(*in_year).order_by(PointsEntry.id))
    opening, credits, debits = int(opening or 0), int(credits), int(debits)
    return {
        "year": year,
        "opening_balance": opening,
        "credits": credits,
        "debits": debits,
        "closing_balance": opening + credits - debits,
        "items": list(entries),
    }
