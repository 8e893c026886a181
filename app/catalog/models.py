"""The service catalog (服务清单): categories of kind public / social / volunteer."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import Model


class CategoryKind(StrEnum):
    PUBLIC = "public"
    SOCIAL = "social"
    VOLUNTEER = "volunteer"


class Category(Model):
    __tablename__ = "catalog_categories"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    position: Mapped[int] = mapped_column(default=0)

    items: Mapped[list[CatalogItem]] = relationship(
        back_populates="category", order_by="CatalogItem.position"
    )


class CatalogItem(Model):
    __tablename__ = "catalog_items"
    __table_args__ = (
        UniqueConstraint("category_id", "name"),
        CheckConstraint("points > 0", name="points_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("catalog_categories.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    points: Mapped[int]
    # Expected times, used to flag overdue orders: respond (dispatch/grab) and complete.
    response_hours: Mapped[int] = mapped_column(default=24)
    completion_hours: Mapped[int] = mapped_column(default=72)
    # How those hours count: "hours" (calendar) or "working_hours" (app.orders.calendar).
    deadline_basis: Mapped[str] = mapped_column(String(20), default="hours", server_default="hours")
    skill: Mapped[str | None] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)

    category: Mapped[Category] = relationship(back_populates="items")
