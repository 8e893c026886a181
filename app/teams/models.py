"""Service teams (志愿服务团队): a community's approved members grouped by what they do, with
a leader. Staff dispatch an order to a team (`app.orders`), and exactly one of its members
takes it."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class TeamKind(StrEnum):
    PLUMBING = "plumbing"  # 水电维修
    PATROL = "patrol"  # 治安巡逻
    HEALTH = "health"  # 医疗保健
    LEGAL = "legal"  # 法律援助
    CULTURE = "culture"  # 文化宣传
    LECTURE = "lecture"  # 宣讲队 (Anyi)
    MEDIATION = "mediation"  # 和事佬
    RED_ARMBAND = "red_armband"  # 红袖标
    WHITE_ANGEL = "white_angel"  # 白天使
    HELPING_HAND = "helping_hand"  # 热心帮
    OTHER = "other"


class ServiceTeam(Model):
    __tablename__ = "service_teams"
    # Two teams of one community never share a name: two staff creating the same team at
    # once make one.
    __table_args__ = (UniqueConstraint("community_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    community_id: Mapped[int] = mapped_column(ForeignKey("communities.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    # An approved member of the community, always one of the team's members.
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # A disbanded team (false) is neither shown nor dispatched to; its history stays.
    is_active: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    memberships: Mapped[list[TeamMembership]] = relationship(
        order_by="TeamMembership.id", cascade="all, delete-orphan"
    )
    categories: Mapped[list[TeamCategory]] = relationship(
        order_by="TeamCategory.category_id", cascade="all, delete-orphan"
    )


class TeamMembership(Model):
    """A member in a team; a member may be in several teams, in each once."""

    __tablename__ = "service_team_members"
    __table_args__ = (
        UniqueConstraint("team_id", "user_id"),
        # A member's teams: who may take a team's order, and GET /member/team-orders.
        Index("ix_service_team_members_user_team", "user_id", "team_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("service_teams.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TeamCategory(Model):
    """A catalog category the team serves: its orders suggest the team when dispatching."""

    __tablename__ = "service_team_categories"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("service_teams.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[int] = mapped_column(
        ForeignKey("catalog_categories.id", ondelete="CASCADE"), primary_key=True
    )
