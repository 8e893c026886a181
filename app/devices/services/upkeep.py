"""The worker's jobs for devices. Each is settled by one statement, so any number of
workers may run them at once: a silence is flagged (and told) by the worker whose UPDATE
set it; used nonces past their window are deleted."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, func, select, update

from app.devices import notices
from app.devices.models import Device, DeviceNonce
from app.extensions import db
from app.orders.snapshot import run
from app.transaction import use_case

BATCH = 500


@use_case
def flag_silent(now: datetime) -> int:
    """Devices not heard for `DEVICE_SILENT_HOURS` (since registration, if never) are flagged,
    and their community's staff told, once per silence. Returns how many."""
    hours = current_app.config["DEVICE_SILENT_HOURS"]
    heard = func.coalesce(Device.last_seen_at, Device.created_at)
    due = select(Device.id).where(
        Device.silent_since.is_(None), heard < now - timedelta(hours=hours)
    )
    statement = (
        update(Device)
        .where(Device.id.in_(due.limit(BATCH).scalar_subquery()), Device.silent_since.is_(None))
        .values(silent_since=now)
        .returning(Device.id)
    )
    flagged = list(run(statement, {}).scalars())
    devices = db.session.scalars(select(Device).where(Device.id.in_(flagged)).order_by(Device.id))
    for device in devices:
        notices.silent(device, hours, now)
    return len(flagged)


@use_case
def sweep_nonces(now: datetime) -> int:
    """Nonces no call could reuse any more (their window has passed)."""
    statement = delete(DeviceNonce).where(DeviceNonce.expires_at < now)
    return run(statement, {}).rowcount
