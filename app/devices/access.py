"""Which devices a staff member reaches: those of the communities they manage."""

from __future__ import annotations

from app.accounts.models import User
from app.auth.permissions import scope_community_ids
from app.devices.models import Device
from app.errors import NotFound
from app.extensions import db


def managed_device(actor: User, device_id: int) -> Device:
    device = db.session.get(Device, device_id)
    if device is None or device.community_id not in scope_community_ids(actor):
        raise NotFound()
    return device
