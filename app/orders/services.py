"""Order use cases that write. Each one checks who may reach the order (404), validates
(422), moves it through `state.transition` (409) and commits once; a refused call is rolled
back, so it writes nothing."""
from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from functools import wraps

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import Role, User, UserRole
from app.catalog.models import CatalogItem
from app.db_types import utcnow
from app.errors import IdempotencyKeyReused, ValidationError
from app.extensions import db
from app.org.models import Community
from app.orders.access import order_for
from app.orders.deadlines import set_deadlines
from app.orders.models import IdempotencyKey, Order, OrderSource, OrderStatus
from app.orders.state import CREATE_ACTION, record_event, transition
from app.points.services import credit_order_completion


def use_case(function):
    """One transaction per use case: commit on success, roll back on any error."""

    @wraps(function)
    def run(*args, **kwargs):
        try:
            result = function(*args, **kwargs)
            db.session.commit()
            return result
        except BaseException:
            db.session.rollback()
            raise

    return run


# --- 群众点单: create, with Idempotency-Key -----------------------------------------------------

def create_order(actor: User, data: dict, idempotency_key: str | None = None) -> Order:
    """Create a submitted order. With an idempotency key, a replay of the same body returns
    the first order; two concurrent creates with one key race on the key's unique
    constraint, and the loser returns the winner's order."""
    if idempotency_key is None:
        return _create(actor, data)
    request_hash = _request_hash(data)
    replay = _replay(actor, idempotency_key, request_hash)
    if replay is not None:
        return replay
    try:
        return _create(actor, data, idempotency_key, request_hash)
    except IntegrityError:
        replay = _replay(actor, idempotency_key, request_hash)
        if replay is None:
            raise
        return replay


@use_case
def _create(actor: User, data: dict, key: str | None = None, request_hash: str = "") -> Order:
    item = _check_references(data)
    now = utcnow()
    order = Order(resident_id=actor.id, status=OrderStatus.SUBMITTED,
                  source=OrderSource.MINIPROGRAM, created_at=now, **data)
    set_deadlines(order, item, now)
    db.session.add(order)
    db.session.flush()
    record_event(order.id, CREATE_ACTION, None, order.status, actor.id)
    if key is not None:
        db.session.execute(delete(IdempotencyKey).where(
            IdempotencyKey.user_id == actor.id, IdempotencyKey.key == key,
            IdempotencyKey.created_at < _idempotency_cutoff()))
        db.session.add(IdempotencyKey(user_id=actor.id, key=key, request_hash=request_hash,
                                      order_id=order.id))
        db.session.flush()
    return order


def _check_references(data: dict) -> CatalogItem:
    errors = {}
    if db.session.get(Community, data["community_id"]) is None:
        errors["community_id"] = ["社区不存在"]
    item = db.session.get(CatalogItem, data["item_id"])
    if item is None or not item.is_active:
        errors["item_id"] = ["服务项目不存在或已停用"]
    if errors:
        raise ValidationError(details=errors)
    return item


def _request_hash(data: dict) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _idempotency_cutoff():
    return utcnow() - timedelta(hours=current_app.config["IDEMPOTENCY_TTL_HOURS"])


def _replay(actor: User, key: str, request_hash: str) -> Order | None:
    """The order a live key made, or None; the same key with another body is refused."""
    row = db.session.scalar(select(IdempotencyKey).where(
        IdempotencyKey.user_id == actor.id, IdempotencyKey.key == key,
        IdempotencyKey.created_at >= _idempotency_cutoff()))
    if row is None:
        return None
    if row.request_hash != request_hash:
        raise IdempotencyKeyReused(details={"Idempotency-Key": ["该幂等键已用于其他内容"]})
    return db.session.get(Order, row.order_id)


# --- resident: cancel, rate ---------------------------------------------------------------

@use_case
def cancel(order_id: int, actor: User) -> Order:
    return _move("cancel", order_id, actor)


@use_case
def rate(order_id: int, actor: User, stars: int, comment: str | None = None) -> Order:
    return _move("rate", order_id, actor, values={"stars": stars, "comment": comment})


# --- staff: approve, reject, dispatch, publish (and recall, reassign for the console) -------

@use_case
def approve(order_id: int, actor: User) -> Order:
    return _move("approve", order_id, actor)


@use_case
def reject(order_id: int, actor: User, reason: str) -> Order:
    return _move("reject", order_id, actor, values={"reject_reason": reason}, note=reason)


@use_case
def publish(order_id: int, actor: User) -> Order:
    return _move("publish", order_id, actor)


@use_case
def recall(order_id: int, actor: User) -> Order:
    return _move("recall", order_id, actor)


@use_case
def dispatch(order_id: int, actor: User, member_id: int) -> Order:
    return _assign("dispatch", order_id, actor, member_id)


@use_case
def reassign(order_id: int, actor: User, member_id: int) -> Order:
    return _assign("reassign", order_id, actor, member_id)


def _assign(action: str, order_id: int, actor: User, member_id: int) -> Order:
    order = order_for(action, actor, order_id)
    if not _is_member_of(member_id, order.community_id):
        raise ValidationError(details={"member_id": ["不是本社区已审核通过的党员"]})
    return transition(order.id, action, actor, expected_from=order.status,
                      values={"member_id": member_id})


def _is_member_of(user_id: int, community_id: int) -> bool:
    return db.session.scalar(
        select(UserRole.id).join(User, User.id == UserRole.user_id).where(
            UserRole.user_id == user_id, UserRole.role == Role.MEMBER,
            UserRole.community_id == community_id, User.is_active.is_(True))) is not None


# --- member: grab, accept, start, complete -------------------------------------------------

@use_case
def grab(order_id: int, actor: User) -> Order:
    return _move("grab", order_id, actor, values={"member_id": actor.id})


@use_case
def accept(order_id: int, actor: User) -> Order:
    return _move("accept", order_id, actor)


@use_case
def start(order_id: int, actor: User) -> Order:
    return _move("start", order_id, actor)


@use_case
def complete(order_id: int, actor: User, note: str | None = None,
             photos: list[str] | None = None) -> Order:
    """Complete the order and credit its points to the member, in one transaction: the
    status move happens once, so the credit does too (and its unique constraint agrees)."""
    order = _move("complete", order_id, actor, note=note,
                  values={"completion_note": note, "completion_photos": photos or []})
    credit_order_completion(order)
    return order


def _move(action: str, order_id: int, actor: User, *, values: dict | None = None,
          note: str | None = None) -> Order:
    order = order_for(action, actor, order_id)
    return transition(order.id, action, actor, expected_from=order.status, values=values,
                      note=note)
