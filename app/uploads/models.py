"""One stored image and its thumbnail. The file's key is random: a user's file name never
reaches the storage or an address."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class UploadPurpose(StrEnum):
    ORDER_PHOTO = "order_photo"  # a resident's photo of the problem (any signed-in user)
    COMPLETION_PHOTO = "completion_photo"  # a member's photo of the work done
    VENUE_PHOTO = "venue_photo"  # staff: a venue's photos


class Upload(Model):
    __tablename__ = "uploads"
    __table_args__ = (
        CheckConstraint("bytes > 0", name="bytes_positive"),
        CheckConstraint("width > 0 AND height > 0", name="size_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(30))
    storage_key: Mapped[str] = mapped_column(String(100), unique=True)
    thumbnail_key: Mapped[str] = mapped_column(String(100), unique=True)
    content_type: Mapped[str] = mapped_column(String(30))
    bytes: Mapped[int]  # of the stored image, after re-encoding
    width: Mapped[int]
    height: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
