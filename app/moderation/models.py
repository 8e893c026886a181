"""A text marked for staff review, with the original kept whatever staff decide."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class ReviewReason(StrEnum):
    REVIEW = "review"  # WeChat answered `review`: a person should look at it
    UNCHECKED = "unchecked"  # WeChat failed or was slow: accepted without a verdict


class ReviewStatus(StrEnum):
    PENDING = "pending"
    CLEARED = "cleared"
    HIDDEN = "hidden"


class ContentReview(Model):
    """One text of a subject (an order's description, a rating's comment ...) waiting for,
    or decided by, staff. `status` moves once, from pending, by a conditional UPDATE."""

    __tablename__ = "content_reviews"
    __table_args__ = (
        # The console's tabs and the staff list: a community's reviews in a status.
        Index("ix_content_reviews_community_status_id", "community_id", "status", "id"),
        Index("ix_content_reviews_subject", "subject_kind", "subject_id"),
        CheckConstraint(
            "(status = 'pending') = (decided_at IS NULL)", name="decided_unless_pending"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"))
    subject_kind: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[int]
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default=ReviewStatus.PENDING)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
