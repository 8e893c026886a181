"""Use cases of the inbox and the outbox: quotas from the mini-program, reading a message,
and staff retrying a dead delivery."""

from __future__ import annotations

from collections import Counter

from flask import current_app
from sqlalchemy import func, select, update

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.clock import utcnow
from app.db_types import rowcount, upsert
from app.errors import DeliveryStateConflict, NotFound, ValidationError
from app.extensions import db
from app.notifications.models import Delivery, DeliveryStatus, Message, SubscriptionQuota
from app.notifications.outbox import HANDOFF_KEY
from app.notifications.queries import quotas_of
from app.transaction import use_case


@use_case
def subscribe(user: User, template_ids: list[str]) -> dict[str, int]:
    """Each id the user accepted in `wx.requestSubscribeMessage` allows one more send of
    that template (an id twice, two). One upsert per template: concurrent calls add up."""
    known = set(current_app.config["WECHAT_TEMPLATE_IDS"].values())
    unknown = sorted(set(template_ids) - known)
    if unknown:
        raise ValidationError(details={"template_ids": [f"未配置的订阅消息模板：{unknown[0]}"]})
    dialect = db.session.get_bind().dialect.name
    now = utcnow()
    for template_id, count in Counter(template_ids).items():
        statement = upsert(SubscriptionQuota, dialect).values(
            user_id=user.id, template_id=template_id, remaining=count, updated_at=now
        )
        db.session.execute(
            statement.on_conflict_do_update(
                index_elements=["user_id", "template_id"],
                set_={"remaining": SubscriptionQuota.remaining + count, "updated_at": now},
            )
        )
    return quotas_of(user.id)


@use_case
def mark_read(user: User, message_id: int) -> Message:
    """Read once: the first reading's time stays."""
    db.session.execute(
        update(Message)
        .where(Message.id == message_id, Message.user_id == user.id)
        .values(read_at=func.coalesce(Message.read_at, utcnow()))
    )
    message = db.session.scalar(
        select(Message).where(Message.id == message_id, Message.user_id == user.id)
    )
    if message is None:
        raise NotFound()
    return message


@use_case
def retry_delivery(actor: User, delivery_id: int) -> Delivery:
    """A dead delivery of the staff's community goes back to the queue, its attempts anew."""
    delivery = db.session.get(Delivery, delivery_id)
    if delivery is None or delivery.community_id not in managed_community_ids(actor):
        raise NotFound()
    moved = rowcount(
        db.session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.status == DeliveryStatus.DEAD)
            .values(
                status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=utcnow(), last_error=None
            )
        )
    )
    if not moved:
        raise DeliveryStateConflict()
    db.session.info.setdefault(HANDOFF_KEY, []).append(delivery_id)
    db.session.refresh(delivery)
    return delivery
