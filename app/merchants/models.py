"""Merchants of the service circle. A merchant belongs to one community; its account (a user
with the role `merchant`, username and password like staff) verifies the codes of its own
rewards."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class MerchantCategory(StrEnum):
    BANK = "bank"  # 银行
    COURIER = "courier"  # 快递
    HOUSEKEEPING = "housekeeping"  # 家政
    TRAINING = "training"  # 培训
    REPAIR = "repair"  # 维修
    FOOD = "food"  # 餐饮
    PHARMACY = "pharmacy"  # 医药
    GROCERY = "grocery"  # 便利店
    BARBER = "barber"  # 理发
    OTHER = "other"  # 其他


class Merchant(Model):
    __tablename__ = "merchants"
    __table_args__ = (CheckConstraint("service_points >= 0", name="service_points_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(30), index=True)
    address: Mapped[str] = mapped_column(String(200))
    latitude: Mapped[float]  # GCJ-02
    longitude: Mapped[float]
    phone: Mapped[str | None] = mapped_column(String(30))
    opening_hours: Mapped[list] = mapped_column(JSON, default=list)
    services: Mapped[list] = mapped_column(JSON, default=list)  # what they do for residents
    # 便民服务积分: grows with each service a resident confirms or staff record.
    service_points: Mapped[int] = mapped_column(default=0)
    trusted: Mapped[bool] = mapped_column(default=False)  # 社区信得过经营户, marked by staff
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), unique=True
    )
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MerchantService(Model):
    """One service a merchant did for a resident (便民服务积分): confirmed by the resident, at
    most once a day per merchant (the unique constraint settles a race), or recorded by staff
    of the merchant's community (`user_id` NULL, which the constraint lets repeat)."""

    __tablename__ = "merchant_services"
    __table_args__ = (
        UniqueConstraint("merchant_id", "user_id", "day"),  # one confirmation a day
        CheckConstraint("points > 0", name="points_positive"),
        Index("ix_merchant_services_merchant_id_day", "merchant_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("merchants.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # the resident served
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    service: Mapped[str] = mapped_column(String(50))
    note: Mapped[str | None] = mapped_column(String(200))
    points: Mapped[int]
    day: Mapped[date] = mapped_column(Date)  # Beijing calendar day; quarters count by it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
