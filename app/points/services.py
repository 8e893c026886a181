"""The points ledger's writes: entries are appended, never changed, and each moves its
user's balance in the same transaction by one conditional statement, so that the database,
not a check in Python, refuses a debit the balance cannot cover."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Table, bindparam, func, insert, select, update

from app.clock import utcnow
from app.db_types import upsert
from app.errors import InsufficientPoints
from app.extensions import db
from app.points.models import PointsBalance, PointsEntry, PointsReason

BALANCES: Table = PointsBalance.__table__  # type: ignore[assignment]
ENTRIES: Table = PointsEntry.__table__  # type: ignore[assignment]


def post_entry(user_id: int, delta: int, reason: str, **fields) -> PointsEntry:
    """Append an entry of `delta` to `user_id`'s ledger and move their balance by it; a debit
    below 0 changes nothing and raises InsufficientPoints. Part of the caller's transaction.
    `fields`: the entry's other columns (order_id, redemption_id, actor_id, note)."""
    _move_balance(user_id, delta)
    entry = PointsEntry(member_id=user_id, delta=delta, reason=reason, **fields)
    db.session.add(entry)
    db.session.flush()
    return entry


def _move_balance(user_id: int, delta: int) -> int:
    """The balance after adding `delta`: a credit upserts the row, a debit is one UPDATE
    that only matches while the balance covers it."""
    params = {"uid": user_id, "change": delta, "at": utcnow()}
    statement = _credit_statement(db.engine.dialect.name) if delta > 0 else _DEBIT
    new_balance = db.session.execute(statement, params).scalar()
    if new_balance is None:
        raise InsufficientPoints()
    return int(new_balance)


_DEBIT = (
    update(BALANCES)
    .where(
        BALANCES.c.user_id == bindparam("uid"),
        BALANCES.c.balance + bindparam("change") >= 0,
    )
    .values(balance=BALANCES.c.balance + bindparam("change"), updated_at=bindparam("at"))
    .returning(BALANCES.c.balance)
)


@cache
def _credit_statement(dialect: str):
    insert_row = upsert(BALANCES, dialect).values(
        user_id=bindparam("uid"), balance=bindparam("change"), updated_at=bindparam("at")
    )
    return insert_row.on_conflict_do_update(
        index_elements=["user_id"],
        set_={"balance": BALANCES.c.balance + bindparam("change"), "updated_at": bindparam("at")},
    ).returning(BALANCES.c.balance)


def credit_order_completion(
    member_id: int, order_id: int, points: int, item_name: str, service_round: int = 0
) -> bool:
    """Credit a completed order's points to its member, once per service round: a second
    credit for the same order and round is absorbed by the unique (order_id, reason,
    service_round) constraint, and only a written entry moves the balance. Part of the
    caller's transaction; returns whether this call wrote the entry."""
    fields = {"order_id": order_id, "service_round": service_round}
    note = f"完成工单：{item_name}"
    key = ["order_id", "reason", "service_round"]
    return _credit_once(member_id, points, PointsReason.ORDER_COMPLETED, note, key, fields)


def credit_activity_attendance(member_id: int, activity_id: int, points: int, title: str) -> bool:
    """Credit an activity's points to a member who checked in, once: a second credit for
    the same activity and member is absorbed by the unique (activity_id, member_id, reason)
    constraint. Part of the caller's transaction; returns whether this call wrote it."""
    note = f"参加活动：{title}"[:200]
    key = ["activity_id", "member_id", "reason"]
    fields = {"activity_id": activity_id}
    return _credit_once(member_id, points, PointsReason.ACTIVITY_ATTENDED, note, key, fields)


def _credit_once(
    member_id: int, points: int, reason: str, note: str, key: list[str], fields: dict
) -> bool:
    """An entry unless the unique constraint over `key` holds one already; only a written
    entry moves the balance."""
    values = {"member_id": member_id, "delta": points, "reason": reason, "note": note}
    stmt = (
        upsert(PointsEntry, db.engine.dialect.name)
        .values(**values, **fields, created_at=utcnow())
        .on_conflict_do_nothing(index_elements=key)
        .returning(PointsEntry.id)
    )
    written = db.session.execute(stmt).scalar() is not None
    if written:
        _move_balance(member_id, points)
    return written


def rebuild_balances() -> None:
    """Every balance set to the sum of its user's entries (after a bulk load wrote entries
    without them). Part of the caller's transaction."""
    db.session.execute(BALANCES.delete())
    sums = select(
        ENTRIES.c.member_id,
        func.sum(ENTRIES.c.delta),
        func.max(ENTRIES.c.created_at),
    ).group_by(ENTRIES.c.member_id)
    db.session.execute(insert(BALANCES).from_select(["user_id", "balance", "updated_at"], sums))
