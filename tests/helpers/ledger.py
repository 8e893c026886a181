"""The points ledger in tests: a balance must equal the sum of its entries, always."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.points.models import PointsBalance, PointsEntry


def stored_balance(user_id: int) -> int | None:
    db.session.expire_all()
    return db.session.scalar(select(PointsBalance.balance).where(PointsBalance.user_id == user_id))


def entries_sum(user_id: int) -> int:
    return int(
        db.session.scalar(
            select(func.coalesce(func.sum(PointsEntry.delta), 0)).where(
                PointsEntry.member_id == user_id
            )
        )
    )


def assert_ledger_holds(*user_ids: int) -> None:
    """Every user's balance row is the sum of their entries, and never below 0."""
    for user_id in user_ids:
        balance = stored_balance(user_id) or 0
        assert balance == entries_sum(user_id), user_id
        assert balance >= 0
