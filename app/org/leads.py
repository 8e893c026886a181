"""党员楼栋长: the member appointed to one building, with the 三亮 (identity shown, duties,
commitment). It belongs to the building, as a room belongs to its venue: the order
candidates (app.orders) rank the lead first, and app.duties appoints and removes leads, so
the model sits below both."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class BuildingLead(Model):
    """One lead per building: the building is the key, so a second appointment is refused by
    the database."""

    __tablename__ = "building_leads"

    building_id: Mapped[int] = mapped_column(
        ForeignKey("buildings.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    duties: Mapped[str] = mapped_column(String(500))  # 亮职责
    commitment: Mapped[str] = mapped_column(String(500))  # 亮承诺
    appointed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    appointed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
