"""The points ledger's reads: a member's balance and their entries."""

from __future__ import annotations

from sqlalchemy import func, select

from app.accounts.models import User
from app.extensions import db
from app.pagination import paginate
from app.points.models import PointsEntry


def balance(member_id: int) -> int:
    total = db.session.scalar(
        select(func.coalesce(func.sum(PointsEntry.delta), 0)).where(
            PointsEntry.member_id == member_id
        )
    )
    return int(total or 0)


def ledger(member: User, limit: int, cursor: str | None = None) -> dict:
    """The member's balance and one page of their entries, newest first."""
    stmt = select(PointsEntry).where(PointsEntry.member_id == member.id)
    return {"balance": balance(member.id), **paginate(stmt, PointsEntry.id, limit, cursor)}
