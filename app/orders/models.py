"""Orders (群众点单) and their timeline. Status changes happen only in `app.orders.state`."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    event,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class OrderStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    DISPATCHED = "dispatched"
    PUBLISHED = "published"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    RATED = "rated"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    CLOSED = "closed"  # 办结: staff closed a completed or rated order


class OrderSource(StrEnum):
    MINIPROGRAM = "miniprogram"
    DESK = "desk"  # 代点单: entered by staff at the desk for a resident
    DEVICE = "device"  # 一键通


class Order(Model):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("stars IS NULL OR (stars BETWEEN 1 AND 5)", name="stars_range"),
        # Each list's WHERE, then its ORDER BY id DESC (app.pagination), so a page is read
        # straight off the index: a resident's orders (GET /my/orders), a community's (the
        # staff list and the console queue), by status (tabs, GET /member/pool); the tab
        # counts read (community_id, status) from the index alone.
        Index("ix_orders_resident_newest", "resident_id", "id"),
        Index("ix_orders_community_newest", "community_id", "id"),
        Index("ix_orders_community_status_id", "community_id", "status", "id"),
        Index("ix_orders_status_community", "status", "community_id", "id"),
        # The dashboard's recent orders (app.stats.queries).
        Index("ix_orders_community_created", "community_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"))
    resident_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_items.id"))
    kind: Mapped[str] = mapped_column(String(20), default="service")  # "wish" = 微心愿
    source: Mapped[str] = mapped_column(String(20), default=OrderSource.MINIPROGRAM)
    status: Mapped[str] = mapped_column(String(20), default=OrderStatus.SUBMITTED)

    description: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str | None] = mapped_column(String(50))
    contact_phone: Mapped[str] = mapped_column(String(20))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    photos: Mapped[list] = mapped_column(JSON, default=list)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"))
    building_id: Mapped[int | None] = mapped_column(ForeignKey("buildings.id"))

    member_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    # The service team it was dispatched to (dispatch_team): it waits `dispatched` with no
    # member until one of the team takes it, and keeps the team afterwards.
    team_id: Mapped[int | None] = mapped_column(ForeignKey("service_teams.id"), index=True)
    reject_reason: Mapped[str | None] = mapped_column(String(200))
    completion_note: Mapped[str | None] = mapped_column(Text)
    completion_photos: Mapped[list] = mapped_column(JSON, default=list)
    stars: Mapped[int | None]
    comment: Mapped[str | None] = mapped_column(String(500))
    # 0 for the first service, one more each time staff reopen the order (app.orders.state):
    # each round is completed, credited and followed up on its own.
    service_round: Mapped[int] = mapped_column(default=0, server_default="0")

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Deadlines from the item's expected times (app.orders.deadlines): overdue past them.
    respond_by: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    complete_by: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    # When staff put it in the pool (publish), for the pool timeout; cleared when it leaves
    # the pool unclaimed (recall, expire).
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)

    item = relationship("CatalogItem", lazy="joined")
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", order_by="OrderEvent.id", cascade="all, delete-orphan"
    )


class OrderEvent(Model):
    """One move of an order: who, when, from, to, and a note (the timeline)."""

    __tablename__ = "order_events"
    # The dashboard counts a community's completions and ratings of a period from here.
    __table_args__ = (Index("ix_order_events_community_action_at", "community_id", "action", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    # The order's community, copied (an order never changes community) so that a
    # community's events are found without reading every one of its orders.
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    order: Mapped[Order] = relationship(back_populates="events")


@event.listens_for(OrderEvent, "before_insert")
def _copy_community(mapper, connection, order_event: OrderEvent) -> None:
    """Every ORM insert of an event (tests' and bench fixtures) gets its order's community,
    in the INSERT itself. Core inserts do not pass here: `app.orders.state.record_event`
    names the community itself."""
    if order_event.community_id is None:
        order_event.community_id = (
            select(Order.community_id).where(Order.id == order_event.order_id).scalar_subquery()
        )


class EscalationStage(StrEnum):
    RESPONSE = "response"  # past respond_by while nobody has taken the job
    COMPLETION = "completion"  # past complete_by while a member works on it


class OrderEscalation(Model):
    """超时督办: an overdue order escalated at a `level` (1: the community's staff told, 2:
    the street's admins) for one stage. The unique key makes each happen once, however many
    workers run the job; `next_at` is when level 1 goes on to level 2 if still late."""

    __tablename__ = "order_escalations"
    __table_args__ = (
        UniqueConstraint("order_id", "stage", "level"),
        CheckConstraint("level IN (1, 2)", name="level_known"),
        Index("ix_order_escalations_level_next_at", "level", "next_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(20))
    level: Mapped[int]
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    next_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class IdempotencyKey(Model):
    """An `Idempotency-Key` of `POST /orders`, scoped to its caller."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    request_hash: Mapped[str] = mapped_column(String(64))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class FollowUp(Model):
    """A follow-up call (回访) by staff: whether the resident was reached and, if so, whether
    they were satisfied. Its OrderEvent `follow_up` keeps the timeline complete."""

    __tablename__ = "follow_ups"
    __table_args__ = (
        CheckConstraint("reached OR satisfied IS NULL", name="satisfied_only_if_reached"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    reached: Mapped[bool]
    satisfied: Mapped[bool | None]
    note: Mapped[str | None] = mapped_column(String(500))
    # The order's service round it was made in: only a call about the current round lets
    # staff reopen the order.
    service_round: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class OrderNote(Model):
    """An internal note (内部备注) on an order: only the staff who reach the order see it."""

    __tablename__ = "order_notes"
    # An order's notes are read a page at a time, oldest first.
    __table_args__ = (Index("ix_order_notes_order_id", "order_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author = relationship("User", lazy="joined")


class OfflineResident(Model):
    """A resident without WeChat whose orders staff enter (代点单), known by phone: the unique
    phone settles two staff entering the same new resident at once."""

    __tablename__ = "offline_residents"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
