"""Deadlines that act: the worker's scheduled jobs (app.worker.tasks), one batch of at most
`BATCH` orders per run, each batch one transaction.

Every worker runs them at the same moment, so what each does is settled by the database:
the pool's expiry is the state machine's conditional UPDATE (a grab racing it, or another
worker, leaves it nothing to change), an escalation is claimed by an INSERT … ON CONFLICT DO
NOTHING on its unique (order, stage, level), and a reminder is a message whose key is told
once per user."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from flask import current_app
from sqlalchemy import exists, select

from app.catalog.models import CatalogItem
from app.db_types import upsert
from app.extensions import db
from app.notifications.models import Message
from app.orders import deadline_notices as notices
from app.orders.deadlines import basis_due
from app.orders.models import EscalationStage, Order, OrderEscalation, OrderStatus
from app.orders.state import record_event, system_move
from app.orders.vocabulary import AWAITING_COMPLETION, AWAITING_RESPONSE, Action
from app.transaction import use_case

BATCH = 100
STAGES = {
    EscalationStage.RESPONSE: (AWAITING_RESPONSE, Order.respond_by),
    EscalationStage.COMPLETION: (AWAITING_COMPLETION, Order.complete_by),
}
ESCALATIONS = OrderEscalation.__table__


class LateOrder(NamedTuple):
    id: int
    community_id: int
    status: str
    address: str
    member_id: int | None
    item: str
    basis: str
    due: datetime


def _late_orders(due_column, *conditions):
    return (
        select(
            Order.id,
            Order.community_id,
            Order.status,
            Order.address,
            Order.member_id,
            CatalogItem.name,
            CatalogItem.deadline_basis,
            due_column,
        )
        .join(CatalogItem, CatalogItem.id == Order.item_id)
        .where(*conditions)
        .order_by(Order.id)
        .limit(BATCH)
    )


def _rows(query) -> list[LateOrder]:
    return [LateOrder(*row) for row in db.session.execute(query)]


# --- the pool ---------------------------------------------------------------------------


@use_case
def expire_pool(now: datetime) -> int:
    """Orders in the pool longer than `POOL_TIMEOUT_HOURS` go back to 待派单, and the
    community's staff are told. Returns how many this run moved."""
    hours = current_app.config["POOL_TIMEOUT_HOURS"]
    query = (
        select(Order.id, CatalogItem.name)
        .join(CatalogItem, CatalogItem.id == Order.item_id)
        .where(
            Order.status == OrderStatus.PUBLISHED,
            Order.member_id.is_(None),
            Order.published_at <= now - timedelta(hours=hours),
        )
        .order_by(Order.published_at, Order.id)
        .limit(BATCH)
    )
    expired = 0
    for order_id, item in db.session.execute(query).all():
        note = f"发布{hours:g}小时无人抢单，退回待派单"
        moved = system_move(order_id, Action.EXPIRE, values={"published_at": None}, note=note)
        if moved is not None:  # else a grab (or another worker) got there first
            notices.pool_expired(moved, item, hours, moved.events[-1].id)
            expired += 1
    return expired


# --- escalation -------------------------------------------------------------------------


@use_case
def escalate_overdue(now: datetime) -> int:
    """Overdue orders: level 1 tells the community's staff; an order still in the same
    stage `ESCALATION_SECOND_HOURS` later (counted as its item's deadlines count) goes to
    level 2, the street's admins. Each (order, stage, level) once. Returns how many."""
    done = 0
    for stage, (statuses, due) in STAGES.items():
        first = _late_orders(
            due,
            Order.status.in_(statuses),
            due < now,
            ~_escalated(stage, 1),
        )
        done += sum(_escalate(order, stage, 1, now) for order in _rows(first))
        level_one = ESCALATIONS.alias("level_one")
        second = _late_orders(
            due,
            Order.status.in_(statuses),
            due < now,
            exists().where(
                level_one.c.order_id == Order.id,
                level_one.c.stage == stage,
                level_one.c.level == 1,
                level_one.c.next_at <= now,
            ),
            ~_escalated(stage, 2),
        )
        done += sum(_escalate(order, stage, 2, now) for order in _rows(second))
    return done


def _escalated(stage: str, level: int):
    return exists().where(
        ESCALATIONS.c.order_id == Order.id,
        ESCALATIONS.c.stage == stage,
        ESCALATIONS.c.level == level,
    )


def _escalate(order: LateOrder, stage: str, level: int, now: datetime) -> bool:
    """Claim the escalation; only the claimant writes its event and tells anyone."""
    second = current_app.config["ESCALATION_SECOND_HOURS"]
    next_at = basis_due(order.basis, now, second) if level == 1 else None
    dialect = db.session.get_bind().dialect.name
    claim = (
        upsert(OrderEscalation, dialect)
        .values(order_id=order.id, stage=stage, level=level, at=now, next_at=next_at)
        .on_conflict_do_nothing(index_elements=["order_id", "stage", "level"])
        .returning(ESCALATIONS.c.id)
    )
    if db.session.execute(claim).scalar() is None:
        return False
    note = notices.ESCALATION_NOTES[level]
    record_event(
        order.id, order.community_id, Action.ESCALATE, order.status, order.status, None, note
    )
    notices.overdue(order, order.item, stage, level, order.due)
    return True


# --- the member's reminder --------------------------------------------------------------


@use_case
def remind_due(now: datetime) -> int:
    """Members whose order is due within `REMIND_BEFORE_HOURS` are reminded once (the
    message's key). Returns how many were reminded this run."""
    horizon = now + timedelta(hours=current_app.config["REMIND_BEFORE_HOURS"])
    key = notices.due_soon_key_sql(Order.id)
    reminded = exists().where(Message.user_id == Order.member_id, Message.key == key)
    query = _late_orders(
        Order.complete_by,
        Order.status.in_(AWAITING_COMPLETION),
        Order.member_id.is_not(None),
        Order.complete_by > now,
        Order.complete_by <= horizon,
        ~reminded,
    )
    return sum(notices.due_soon(order, order.item, order.due) for order in _rows(query))
