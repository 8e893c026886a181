"""The steps every order entered for somebody else shares (代点单, 一键通): the place checked
against the order's community, and the resident without WeChat found or created by phone.
They join their caller's transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.accounts.models import Role, User, UserRole
from app.extensions import db
from app.orders.models import OfflineResident
from app.org.models import Building, Grid


def check_place(data: dict) -> dict:
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
