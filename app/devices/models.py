"""一键通: a button at an elder's home (`Device`), bound to a household whose resident has no
WeChat; a press becomes an urgent order. Its carers are told of each press."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class Device(Model):
    __tablename__ = "devices"
    __table_args__ = (
        CheckConstraint("battery IS NULL OR (battery BETWEEN 0 AND 100)", name="battery_range"),
        # The silent-device job's scan: devices not yet flagged, by when they were last heard.
        Index("ix_devices_silent_seen", "silent_since", "last_seen_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(64), unique=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    # The shared secret, Fernet-encrypted with a key derived from SECRET_KEY
    # (app.devices.secrets): the server recomputes each press's HMAC, so a hash would not do.
    secret_encrypted: Mapped[str] = mapped_column(String(255))
    # The household: an offline resident (app.orders.services.on_behalf) and where they live.
    resident_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    resident_name: Mapped[str] = mapped_column(String(50))
    resident_phone: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(200))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"))
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))
    # [{"name", "phone"}], shown to staff on the order's page and the device's.
    emergency_contacts: Mapped[list] = mapped_column(JSON, default=list)
    # What a press asks for: the order's catalog item.
    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_items.id"))
    # The last order a press made: a press while it is open makes none (app.devices.presses).
    open_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="SET NULL"))
    last_pressed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    battery: Mapped[int | None]
    signal: Mapped[int | None]
    # Set by the silent-device job once per silence; a heartbeat clears it.
    silent_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    secret_rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    carers: Mapped[list[DeviceCarer]] = relationship(
        back_populates="device", cascade="all, delete-orphan", order_by="DeviceCarer.id"
    )


class DeviceCarer(Model):
    """The care circle: a member or a staff/grid worker paired with the household."""

    __tablename__ = "device_carers"
    __table_args__ = (UniqueConstraint("device_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))

    device: Mapped[Device] = relationship(back_populates="carers")
    user = relationship("User", lazy="joined")


class DeviceNonce(Model):
    """A nonce a device used, kept until no timestamp it could be sent with is inside the
    window: the unique key refuses it a second time, in the call's own transaction."""

    __tablename__ = "device_nonces"
    __table_args__ = (UniqueConstraint("device_id", "nonce"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    nonce: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
