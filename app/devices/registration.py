"""Binding a device to its household: the step a registration takes in its caller's
transaction (the use case's, the demo seed's). The secret is made here and answered once."""

from __future__ import annotations

from typing import NamedTuple

from flask import current_app
from sqlalchemy import select

from app.accounts.models import Role, User, UserRole
from app.auth.permissions import require_managed_community
from app.catalog.models import CatalogItem, Category
from app.devices import keys
from app.devices.models import Device, DeviceCarer
from app.errors import ValidationError
from app.extensions import db
from app.orders.residents import check_place, offline_resident

CARER_ROLES = (Role.MEMBER, Role.STAFF)


class Keyed(NamedTuple):
    """A device with its secret in clear: answered once, never kept so."""

    device: Device
    secret: str


def new_device(actor: User, data: dict) -> Keyed:
    """`register_device`'s step, in its caller's transaction (the demo seed's too)."""
    require_managed_community(actor, data["community_id"])
    resident, place = data["resident"], _place(data)
    carer_ids = carers_of(data["community_id"], data.get("carer_ids", []))
    secret = keys.new_secret()
    device = Device(
        serial=data["serial"],
        community_id=data["community_id"],
        secret_encrypted=keys.encrypt(secret),
        resident_id=offline_resident(resident["name"], resident["phone"]).id,
        resident_name=resident["name"],
        resident_phone=resident["phone"],
        address=resident["address"],
        emergency_contacts=data.get("emergency_contacts", []),
        item_id=_item_id(data.get("item_id")),
        created_by_id=actor.id,
        carers=[DeviceCarer(user_id=user_id) for user_id in carer_ids],
        **place,
    )
    db.session.add(device)
    db.session.flush()
    return Keyed(device, secret)


def _place(data: dict) -> dict:
    place = {key: data.get(key) for key in ("community_id", "grid_id", "building_id")}
    errors = check_place(place)
    if errors:
        raise ValidationError(details=errors)
    del place["community_id"]
    return place


def carers_of(community_id: int, user_ids: list[int]) -> list[int]:
    """The ids, each a member or staff of the community; any other is a 422."""
    wanted = list(dict.fromkeys(user_ids))
    found = set(
        db.session.scalars(
            select(UserRole.user_id).where(
                UserRole.user_id.in_(wanted),
                UserRole.role.in_(CARER_ROLES),
                UserRole.community_id == community_id,
            )
        )
    )
    if set(wanted) - found:
        raise ValidationError(details={"carer_ids": ["关爱人须是本社区的党员或工作人员"]})
    return wanted


def _item_id(item_id: int | None) -> int:
    """The item a press orders: the one given, else `DEVICE_ITEM` by name, else the
    catalog's first; each must be on offer."""
    on_offer = select(CatalogItem.id).join(Category).where(CatalogItem.is_active)
    ordered = on_offer.order_by(Category.position, CatalogItem.position, CatalogItem.id)
    if item_id is not None:
        found = db.session.scalar(on_offer.where(CatalogItem.id == item_id))
    else:
        named = ordered.where(CatalogItem.name == current_app.config["DEVICE_ITEM"])
        found = db.session.scalar(named.limit(1)) or db.session.scalar(ordered.limit(1))
    if found is None:
        raise ValidationError(details={"item_id": ["服务项目不存在或已停用"]})
    return found
