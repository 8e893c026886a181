"""The 1+X commitments (承诺): what each member promises to do in a year, from a menu of
five standard kinds and the items a community adds, and staff's marks on the added ones."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class CommitmentKind(StrEnum):
    ACTIVITY = "activity"  # 参加一次组织活动: the "1", every member's every year
    PAIRING = "pairing"  # 结对一户居民
    VOLUNTEER = "volunteer"  # 开展一次志愿服务
    WISH = "wish"  # 点亮一个微心愿
    SUGGESTION = "suggestion"  # 提出一条意见建议
    CUSTOM = "custom"  # an item the community added (CommitmentItem), marked done by staff


STANDARD_KINDS = tuple(kind for kind in CommitmentKind if kind != CommitmentKind.CUSTOM)
REQUIRED_KIND = CommitmentKind.ACTIVITY


class CommitmentItem(Model):
    """An item a community adds to its 1+X menu; retired ones stay on old commitments."""

    __tablename__ = "commitment_items"
    __table_args__ = (
        UniqueConstraint("community_id", "title"),
        CheckConstraint("target >= 1", name="item_target_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    title: Mapped[str] = mapped_column(String(50))
    target: Mapped[int] = mapped_column(default=1)
    is_active: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Commitment(Model):
    """One kind (or one community item) a member commits to for one year. `key` is the kind,
    or `custom:<item id>`, so that the unique key holds for both."""

    __tablename__ = "commitments"
    __table_args__ = (
        UniqueConstraint("member_id", "year", "key"),
        CheckConstraint("target >= 1", name="commitment_target_positive"),
        Index("ix_commitments_year_member", "year", "member_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"))
    year: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    key: Mapped[str] = mapped_column(String(40))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("commitment_items.id"))
    target: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CommitmentMark(Model):
    """Staff record that a member did a community item once; each mark counts one."""

    __tablename__ = "commitment_marks"

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitments.id", ondelete="CASCADE"), index=True
    )
    note: Mapped[str | None] = mapped_column(String(200))
    marked_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
