"""The points ledger: credits, the balance, and the member's own ledger."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.accounts.models import User
from app.extensions import db
from app.pagination import paginate
from app.points.models import PointsEntry, PointsReason


def credit_order_completion(member_id: int, order_id: int, points: int, item_name: str) -> bool:
    """Credit a completed order's points to its member, once: a second credit for the same
    order is absorbed by the unique (order_id, reason) constraint. Part of the caller's
    transaction; returns whether this call wrote the entry."""
    values = {
        "member_id": member_id,
        "delta": points,
        "reason": PointsReason.ORDER_COMPLETED,
        "order_id": order_id,
        "note": f"完成工单：{item_name}",
    }
    insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    stmt = (
        insert(PointsEntry)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["order_id", "reason"])
        .returning(PointsEntry.id)
    )
    return db.session.execute(stmt).scalar() is not None


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
