"""What a device sends, signed (app.devices.signed): a press becomes an urgent order, a
heartbeat says it is alive. A refused call (401, 422) writes nothing, its nonce included.

One open order per device is settled by the database: a press claims the device with one
conditional UPDATE (its last order none, or finished), then writes the order and points the
device at it. Two presses racing on PostgreSQL: the second UPDATE waits for the first's
commit and then finds the device pointing at an open order, so it answers that order; on
SQLite the use case holds the write lock from its first read."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import NamedTuple

from flask import current_app
from sqlalchemy import bindparam, or_, select, update

from app.clock import utcnow
from app.devices import notices
from app.devices.models import Device, DeviceCarer
from app.devices.signed import DEVICES, SignedCall, authenticated
from app.errors import ValidationError
from app.extensions import db
from app.orders.intake import check_references, new_order
from app.orders.models import OrderSource
from app.orders.models import OrderStatus as S
from app.orders.snapshot import ORDERS, run
from app.orders.state import record_event
from app.orders.vocabulary import FINISHED, Action
from app.transaction import use_case

# A press's order is open until it is one of these (CONTRACT §6.6).
ENDED = (*FINISHED, S.REJECTED, S.CANCELLED)
BUTTONS = ("help",)
_CLAIM = (
    update(DEVICES)
    .where(
        DEVICES.c.id == bindparam("device_id"),
        or_(
            DEVICES.c.open_order_id.is_(None),
            DEVICES.c.open_order_id.in_(select(ORDERS.c.id).where(ORDERS.c.status.in_(ENDED))),
        ),
    )
    .values(last_pressed_at=bindparam("pressed_at"))
    .returning(DEVICES.c.id)
)
_OPEN_ORDER = select(DEVICES.c.open_order_id).where(DEVICES.c.id == bindparam("device_id"))
_POINT_AT = (
    update(DEVICES)
    .where(DEVICES.c.id == bindparam("device_id"))
    .values(open_order_id=bindparam("order_id"))
)


class Pressed(NamedTuple):
    order_id: int
    created: bool


@use_case
def press(call: SignedCall) -> Pressed:
    """An urgent order for the device's household, or the one still open."""
    now = utcnow()
    found = authenticated(call, now)
    _check_press_body(call.body)
    if run(_CLAIM, {"device_id": found.id, "pressed_at": now}).first() is None:
        return Pressed(run(_OPEN_ORDER, {"device_id": found.id}).scalar_one(), created=False)
    device = db.session.get_one(Device, found.id)
    order_id = _urgent_order(device)
    run(_POINT_AT, {"device_id": device.id, "order_id": order_id})
    carers = db.session.scalars(
        select(DeviceCarer.user_id).where(DeviceCarer.device_id == device.id)
    )
    notices.pressed(device, order_id, list(carers), now)
    return Pressed(order_id, created=True)


@use_case
def heartbeat(call: SignedCall) -> Device:
    """The device is alive: when last heard, its battery and signal; a silence ends."""
    now = utcnow()
    found = authenticated(call, now)
    values = _heartbeat_values(call.body)
    device = db.session.get_one(Device, found.id)
    device.last_seen_at, device.silent_since = now, None
    device.battery, device.signal = values.get("battery"), values.get("signal")
    db.session.flush()
    return device


def _urgent_order(device: Device) -> int:
    data = {
        "community_id": device.community_id,
        "item_id": device.item_id,
        "description": f"一键通紧急呼叫：{device.resident_name}按下了求助按钮，请立即联系。",
        "address": device.address,
        "contact_name": device.resident_name,
        "contact_phone": device.resident_phone,
        "grid_id": device.grid_id,
        "building_id": device.building_id,
    }
    item = check_references(data)
    minutes = current_app.config["DEVICE_RESPONSE_MINUTES"]
    order = new_order(
        device.resident_id,
        data,
        item,
        OrderSource.DEVICE,
        respond_within=timedelta(minutes=minutes),
    )
    note = f"一键通按键（设备 {device.serial}）"
    record_event(order.id, order.community_id, Action.CREATE, None, order.status, None, note)
    return order.id


def _json_object(body: bytes) -> dict:
    try:
        value = json.loads(body or b"{}")
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        raise ValidationError(details={"body": ["请求体须是 JSON 对象"]})
    return value


def _check_press_body(body: bytes) -> None:
    value = _json_object(body)
    if set(value) - {"button"} or value.get("button", "help") not in BUTTONS:
        raise ValidationError(details={"button": ["按键只能是 help"]})


def _heartbeat_values(body: bytes) -> dict:
    value = _json_object(body)
    errors = {}
    bounds = {"battery": (0, 100), "signal": (-150, 0)}
    for name, (low, high) in bounds.items():
        given = value.get(name)
        if given is not None and (
            isinstance(given, bool) or not isinstance(given, int) or not low <= given <= high
        ):
            errors[name] = [f"须是 {low} 到 {high} 之间的整数"]
    for name in set(value) - set(bounds):
        errors[name] = ["未知的字段"]
    if errors:
        raise ValidationError(details=errors)
    return value
