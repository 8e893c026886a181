"""反馈卡 (`FeedbackCard`): the community's card on one member for one period, sent to the
member's unit. Its facts are frozen when it is issued, so the unit reads what staff signed."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class Evaluation(StrEnum):
    EXCELLENT = "excellent"  # 优秀
    GOOD = "good"  # 良好
    FAIR = "fair"  # 一般
    POOR = "poor"  # 较差


class FeedbackCard(Model):
    """One card per member and period (the unique key settles two staff issuing at once);
    reissuing replaces its facts, evaluation and comment and counts a `revision`."""

    __tablename__ = "feedback_cards"
    __table_args__ = (
        UniqueConstraint("member_id", "period_start", "period_end"),
        CheckConstraint("period_start <= period_end", name="feedback_card_period_ordered"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    # The unit at issue time: the card was sent to it, whatever the member's unit is later.
    unit_id: Mapped[int | None] = mapped_column(
        ForeignKey("co_building_units.id", ondelete="SET NULL"), index=True
    )
    member_name: Mapped[str] = mapped_column(String(50))
    unit_name: Mapped[str] = mapped_column(String(100))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    facts: Mapped[dict] = mapped_column(JSON, default=dict)
    evaluation: Mapped[str] = mapped_column(String(20))
    comment: Mapped[str] = mapped_column(String(500))
    revision: Mapped[int] = mapped_column(default=1, server_default="1")
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
