"""The points ledger's writes: entries are appended, never changed."""

from __future__ import annotations

from app.db_types import upsert
from app.extensions import db
from app.points.models import PointsEntry, PointsReason


def credit_order_completion(
    member_id: int, order_id: int, points: int, item_name: str, service_round: int = 0
) -> bool:
    """Credit a completed order's points to its member, once per service round: a second
    credit for the same order and round is absorbed by the unique (order_id, reason,
    service_round) constraint. Part of the caller's transaction; returns whether this call
    wrote the entry."""
    values = {
        "member_id": member_id,
        "delta": points,
        "reason": PointsReason.ORDER_COMPLETED,
        "order_id": order_id,
        "service_round": service_round,
        "note": f"完成工单：{item_name}",
    }
    stmt = (
        upsert(PointsEntry, db.engine.dialect.name)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["order_id", "reason", "service_round"])
        .returning(PointsEntry.id)
    )
    return db.session.execute(stmt).scalar() is not None
