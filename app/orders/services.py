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
from app.auth.permissions import managed_community_ids
from app.catalog.models import CatalogItem
from app.db_types import utcnow
from app.errors import Forbidden, IdempotencyKeyReused, ValidationError
from app.extensions import db
from app.org.models import Building, Community, Grid
from app.orders.access import order_for
from app.orders.candidates import candidate_name
from app.orders.deadlines import set_deadlines
from app.orders.models import (IdempotencyKey, OfflineResident, Order, OrderSource,
                               OrderStatus)
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
    order = _new_order(actor.id, data, item, OrderSource.MINIPROGRAM)
    record_event(order.id, CREATE_ACTION, None, order.status, actor.id)
    if key is not None:
        db.session.execute(delete(IdempotencyKey).where(
            IdempotencyKey.user_id == actor.id, IdempotencyKey.key == key,
            IdempotencyKey.created_at < _idempotency_cutoff()))
        db.session.add(IdempotencyKey(user_id=actor.id, key=key, request_hash=request_hash,
                                      order_id=order.id))
        db.session.flush()
    return order


def _new_order(resident_id: int, data: dict, item: CatalogItem, source: str) -> Order:
    now = utcnow()
    order = Order(resident_id=resident_id, status=OrderStatus.SUBMITTED, source=source,
                  created_at=now, **data)
    set_deadlines(order, item, now)
    db.session.add(order)
    db.session.flush()
    return order


def _check_references(data: dict, errors: dict | None = None) -> CatalogItem:
    errors = dict(errors or {})
    if "community_id" not in errors and db.session.get(Community, data["community_id"]) is None:
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


# --- 代点单: staff enter an order for a resident without a smartphone ------------------------

@use_case
def create_on_behalf(actor: User, data: dict) -> Order:
    """A submitted order of source `console` for the resident of `contact_phone` (found, or
    created without WeChat), entered by `actor`. `data` is OnBehalfSchema's; its
    `community_id` may be None when the actor manages one community only. With `approve`
    the order is approved in the same transaction."""
    data = dict(data)
    approve_now = data.pop("approve", False)
    item = _check_on_behalf(actor, data)
    resident = _offline_resident(data["contact_name"], data["contact_phone"])
    order = _new_order(resident.id, data, item, OrderSource.CONSOLE)
    record_event(order.id, CREATE_ACTION, None, order.status, actor.id,
                 note=f"代点单：{actor.display_name or actor.username}")
    if approve_now:
        return transition(order.id, "approve", actor, expected_from=OrderStatus.SUBMITTED)
    return order


def _check_on_behalf(actor: User, data: dict) -> CatalogItem:
    """Fills in `community_id` (and `grid_id` from the building); all errors at once."""
    managed = managed_community_ids(actor)
    if not managed:
        raise Forbidden()
    if data.get("community_id") is None and len(managed) == 1:
        data["community_id"] = next(iter(managed))
    errors: dict = {}
    if data.get("community_id") not in managed:
        errors["community_id"] = ["请选择您管理的社区"]
    else:
        errors.update(_check_place(data))
    return _check_references(data, errors)


def _check_place(data: dict) -> dict:
    """Grid and building, both optional, must lie in the order's community (and agree)."""
    grid = db.session.get(Grid, data["grid_id"]) if data.get("grid_id") else None
    building = db.session.get(Building, data["building_id"]) if data.get("building_id") else None
    errors = {}
    if data.get("grid_id") and (grid is None or grid.community_id != data["community_id"]):
        errors["grid_id"] = ["该网格不属于所选社区"]
    if data.get("building_id"):
        if building is None or building.grid.community_id != data["community_id"]:
            errors["building_id"] = ["该楼栋不属于所选社区"]
        elif grid is not None and building.grid_id != grid.id:
            errors["building_id"] = ["该楼栋不在所选网格内"]
        else:
            data["grid_id"] = building.grid_id
    return errors


def _offline_resident(name: str, phone: str) -> User:
    """The resident without WeChat known by this phone, or a new one. Two staff entering
    the same new phone at once: the unique phone lets one insert win, the other re-reads."""
    found = _offline_user(phone)
    if found is not None:
        return found
    try:
        with db.session.begin_nested():
            user = User(display_name=name, phone=phone)
            user.roles.append(UserRole(role=Role.RESIDENT))
            db.session.add(user)
            db.session.flush()
            db.session.add(OfflineResident(phone=phone, user_id=user.id))
            db.session.flush()
        return user
    except IntegrityError:
        found = _offline_user(phone)
        if found is None:
            raise
        return found


def _offline_user(phone: str) -> User | None:
    return db.session.scalar(select(User).join(OfflineResident,
                                               OfflineResident.user_id == User.id)
                             .where(OfflineResident.phone == phone))


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


@use_case
def close(order_id: int, actor: User) -> Order:
    """办结: the staff close a completed or rated order; nothing moves it afterwards."""
    return _move("close", order_id, actor)


def _assign(action: str, order_id: int, actor: User, member_id: int) -> Order:
    """The member must be one of the order's candidates (`app.orders.candidates`)."""
    order = order_for(action, actor, order_id)
    name = candidate_name(member_id, order.community_id)
    if name is None:
        raise ValidationError(details={"member_id": ["不是本社区已审核通过的党员"]})
    return transition(order.id, action, actor, expected_from=order.status,
                      values={"member_id": member_id}, note=f"派给党员 {name}")


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
