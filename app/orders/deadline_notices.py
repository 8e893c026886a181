"""What the deadlines tell whom: the community's staff when an order comes back from the
pool unclaimed or runs late, the street's admins when it is still late after that, and the
member before the completion deadline. Posted in the job's transaction
(`app.notifications.outbox`); each message's key makes it once per user."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from sqlalchemy import String, cast, literal, select

from app.accounts.models import Role, User, UserRole
from app.clock import utcnow
from app.extensions import db
from app.notifications.outbox import post
from app.notifications.templates import Event
from app.orders.labels import STATUS_LABELS
from app.orders.models import EscalationStage
from app.orders.notices import ORDER_PAGE
from app.org.models import Community


class Late(Protocol):
    """What a notice needs of an order (a row of the job's query, or an `OrderSnapshot`)."""

    @property
    def id(self) -> int: ...
    @property
    def community_id(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def member_id(self) -> int | None: ...


STAGE_WORDS = {EscalationStage.RESPONSE: "响应", EscalationStage.COMPLETION: "完成"}
ESCALATION_NOTES = {1: "超时督办：已提醒社区工作人员", 2: "超时督办：已上报街道"}


def pool_expired(order: Late, item: str, hours: float, event_id: int) -> None:
    body = f"“{item}”在抢单池{hours:g}小时无人抢单，已退回待派单，请直接派单。"
    _post(
        community_staff(order.community_id),
        Event.ORDER_POOL_EXPIRED,
        order,
        item,
        key=f"order:{order.id}:pool-expired:{event_id}",
        title="抢单超时，已退回待派单",
        body=body,
        detail="无人抢单",
    )


def overdue(order: Late, item: str, stage: str, level: int, due: datetime) -> None:
    """Level 1 to the community's staff, level 2 to the admins of its street."""
    word = STAGE_WORDS[EscalationStage(stage)]
    if level == 1:
        users, title = community_staff(order.community_id), f"工单超时未{word}"
        body = f"“{item}”（{order.address}）已超过{word}时限，请尽快处理。"
    else:
        users, title = street_admins(order.community_id), f"超时工单上报：未{word}"
        body = f"“{item}”（{order.address}）超过{word}时限后仍未处理，已上报街道。"
    _post(
        users,
        Event.ORDER_OVERDUE,
        order,
        item,
        key=f"order:{order.id}:overdue:{stage}:{level}",
        title=title,
        body=body,
        detail=f"超时未{word}",
        when=due,
    )


def due_soon_key(order_id: int) -> str:
    return f"order:{order_id}:due-soon"


def due_soon_key_sql(order_id):
    """`due_soon_key` in SQL, of an order id column: whether a reminder went out."""
    return literal("order:") + cast(order_id, String) + literal(":due-soon")


def due_soon(order: Late, item: str, due: datetime) -> int:
    """The member's reminder; how many messages are new (0: already reminded)."""
    if order.member_id is None:
        return 0
    return _post(
        [order.member_id],
        Event.ORDER_DUE_SOON,
        order,
        item,
        key=due_soon_key(order.id),
        title="服务即将到期",
        body=f"您接的“{item}”（{order.address}）快到完成时限了，请抓紧完成。",
        detail="即将到期",
        when=due,
    )


def _post(
    users: Iterable[int],
    event: Event,
    order: Late,
    item: str,
    *,
    key: str,
    title: str,
    body: str,
    detail: str,
    when: datetime | None = None,
) -> int:
    return post(
        users,
        event,
        key=key,
        title=title,
        body=body,
        page=ORDER_PAGE.format(id=order.id),
        community_id=order.community_id,
        fields={
            "thing1": item,
            "phrase2": STATUS_LABELS[order.status],
            "time3": when or utcnow(),
            "thing4": detail,
            "character_string5": str(order.id),
        },
    )


def community_staff(community_id: int) -> list[int]:
    """The active staff accounts of the community."""
    return _active(UserRole.role == Role.STAFF, UserRole.community_id == community_id)


def street_admins(community_id: int) -> list[int]:
    """The active admins of the community's street."""
    street = select(Community.street_id).where(Community.id == community_id).scalar_subquery()
    return _active(UserRole.role == Role.STREET_ADMIN, UserRole.street_id == street)


def _active(*conditions) -> list[int]:
    query = (
        select(UserRole.user_id)
        .join(User, User.id == UserRole.user_id)
        .where(User.is_active, *conditions)
        .order_by(UserRole.user_id)
    )
    return list(db.session.scalars(query))
