"""Staff register a device for a household, rotate its secret and name its carers. The
secret is answered once, when made; afterwards only its encryption is kept."""

from __future__ import annotations

from app.accounts.models import User
from app.clock import utcnow
from app.devices import keys
from app.devices.access import managed_device
from app.devices.models import Device, DeviceCarer
from app.devices.registration import Keyed, carers_of, new_device
from app.errors import DeviceExists
from app.extensions import db
from app.transaction import use_case


@use_case(conflict=DeviceExists)
def register_device(actor: User, data: dict) -> Keyed:
    """A device of `data["serial"]` in a community the actor manages (else 404), bound to the
    household of `data["resident"]`; a serial already registered is 409 DEVICE_EXISTS."""
    return new_device(actor, data)


@use_case
def rotate_secret(actor: User, device_id: int) -> Keyed:
    """A new secret for the device; the old one stops working at once."""
    device = managed_device(actor, device_id)
    secret = keys.new_secret()
    device.secret_encrypted = keys.encrypt(secret)
    device.secret_rotated_at = utcnow()
    db.session.flush()
    return Keyed(device, secret)


@use_case
def set_carers(actor: User, device_id: int, carer_ids: list[int]) -> Device:
    """The care circle told of each press: members and staff of the device's community."""
    device = managed_device(actor, device_id)
    wanted = carers_of(device.community_id, carer_ids)
    device.carers = [c for c in device.carers if c.user_id in wanted] + [
        DeviceCarer(user_id=user_id)
        for user_id in wanted
        if user_id not in {c.user_id for c in device.carers}
    ]
    db.session.flush()
    return device
