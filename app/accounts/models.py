"""Users and their roles. A WeChat user is a `resident`; approval of a member registration
adds `member`; staff accounts carry `staff` (one community) or `street_admin` (one street)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, ForeignKey, String, UniqueConstraint, cast, func, literal
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.clock import utcnow
from app.db_types import UTCDateTime
from app.extensions import Model


class Role(StrEnum):
    RESIDENT = "resident"
    MEMBER = "member"
    STAFF = "staff"
    STREET_ADMIN = "street_admin"
    MERCHANT = "merchant"  # a shop of the service circle: verifies its own rewards' codes
    UNIT = "unit"  # a co-building unit's account (app.units): reads its own members only


# Who works in the console and screens and dispatches orders: a community's staff (两委) and
# the street's admins.
STAFF_ROLES = (Role.STAFF, Role.STREET_ADMIN)


class User(Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    openid: Mapped[str | None] = mapped_column(String(64), unique=True)
    unionid: Mapped[str | None] = mapped_column(String(64))
    # Kept server-side only: never serialised, never logged.
    session_key: Mapped[str | None] = mapped_column(String(128))
    username: Mapped[str | None] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    display_name: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(20))
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    def has_role(self, role: Role) -> bool:
        return any(r.role == role for r in self.roles)

    def has_any_role(self, roles: tuple[Role, ...]) -> bool:
        return any(r.role in roles for r in self.roles)

    @property
    def is_staff(self) -> bool:
        return self.has_any_role(STAFF_ROLES)

    def role(self, role: Role) -> UserRole | None:
        return next((r for r in self.roles if r.role == role), None)

    @property
    def role_names(self) -> list[str]:
        return sorted(r.role for r in self.roles)

    @hybrid_property
    def shown_name(self) -> str:
        """How a user is named on every page and in every note: the display name, else the
        username, else the id. Usable in SQL too (`select(User.shown_name)`)."""
        return self.display_name or self.username or f"用户 {self.id}"

    @shown_name.inplace.expression
    @classmethod
    def _shown_name_expression(cls) -> ColumnElement[str]:
        return func.coalesce(
            cls.display_name, cls.username, literal("用户 ") + cast(cls.id, String)
        )


class UserRole(Model):
    """A role held by a user, with its scope: a community (member, staff) or a street."""

    __tablename__ = "user_roles"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    community_id: Mapped[int | None] = mapped_column(ForeignKey("communities.id"))
    street_id: Mapped[int | None] = mapped_column(ForeignKey("streets.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="roles")


class LoginThrottle(Model):
    """Wrong passwords for one username from one client address, and the lock they led to.

    Counted per (username, client), known username or not: an attacker elsewhere cannot lock
    a staff member out of their own desk, and unknown usernames behave exactly like known ones.
    """

    __tablename__ = "login_throttles"
    __table_args__ = (UniqueConstraint("username", "client"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The last failure: a count quiet for LOGIN_LOCK_MINUTES is forgotten (and its row gone).
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
