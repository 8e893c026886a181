"""Co-building units (共驻共建单位): the employers of working party members, each paired with
the communities it serves ("5+1": a community has several units), and their accounts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model
from app.org.models import Community


class UnitKind(StrEnum):
    ORGAN = "organ"  # 机关
    ENTERPRISE = "enterprise"  # 企事业单位
    NEW_ORGANISATION = "new_organisation"  # 两新组织 (new economic and social organisations)


# Which communities a unit is paired with; both keys make the primary key, so a pair is once.
unit_communities = Table(
    "unit_communities",
    Model.metadata,
    Column("unit_id", ForeignKey("co_building_units.id", ondelete="CASCADE"), primary_key=True),
    Column("community_id", ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True),
)


class CoBuildingUnit(Model):
    __tablename__ = "co_building_units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    contact_name: Mapped[str] = mapped_column(String(50))
    contact_phone: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    communities: Mapped[list[Community]] = relationship(
        secondary=unit_communities, order_by=Community.id, lazy="selectin"
    )

    @property
    def community_ids(self) -> list[int]:
        return [community.id for community in self.communities]


class UnitAccount(Model):
    """A password account (role `unit`) that reads one unit's members; a unit may have several."""

    __tablename__ = "unit_accounts"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("co_building_units.id", ondelete="CASCADE"), index=True
    )
