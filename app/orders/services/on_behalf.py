"""代点单: staff enter an order for a resident without a smartphone, taken by phone or at
the desk. The resident is known by phone; one without WeChat is created on first entry."""

from __future__ import annotations

from sqlalchemy import Row, select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import Role, User, UserRole
from app.auth.permissions import managed_community_ids
from app.errors import Forbidden
from app.extensions import db
from app.orders.intake import check_references, new_order
from app.orders.models import OfflineResident, OrderSource, OrderStatus
from app.orders.snapshot import OrderSnapshot, snapshot
from app.orders.state import record_event, transition
from app.orders.vocabulary import Action
from app.org.models import Building, Grid
from app.transaction import use_case


@use_case
def create_on_behalf(actor: User, data: dict) -> OrderSnapshot:
    """A submitted order of source `desk` for the resident of `contact_phone` (found, or
    created without WeChat), entered by `actor`. `data` is the console form's; its
    `community_id` may be None when the actor manages one community only. With `approve`
    the order is approved in the same transaction."""
    data = dict(data)
    approve_now = data.pop("approve", False)
    item = _check_on_behalf(actor, data)
    resident = offline_resident(data["contact_name"], data["contact_phone"])
    order = new_order(resident.id, data, item, OrderSource.DESK)
    note = f"代点单：{actor.shown_name}"
    record_event(order.id, order.community_id, Action.CREATE, None, order.status, actor.id, note)
    if approve_now:
        return transition(order.id, Action.APPROVE, actor, expected_from=OrderStatus.SUBMITTED)
    return snapshot(order)


def _check_on_behalf(actor: User, data: dict) -> Row:
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
    return check_references(data, errors)


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


def offline_resident(name: str, phone: str) -> User:
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
    return db.session.scalar(
        select(User)
        .join(OfflineResident, OfflineResident.user_id == User.id)
        .where(OfflineResident.phone == phone)
    )
