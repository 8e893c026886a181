"""The worker's side of the outbox: send one delivery as a subscribe message, at most once.

A delivery is claimed with a conditional UPDATE (pending and due, or held by a worker whose
lease ran out), so however many workers hold its id, one sends it. The claim also takes one
send from the user's quota for the template; the answer settles it: sent; refused (43101,
the quota drops to 0); or failed, when the send is given back and the delivery waits
(back-off) or, failing for good or too often, is dead until staff retry it.

A worker that dies after WeChat accepted a send but before it wrote so leaves the delivery
`sending`; when the lease runs out it is sent again. That window (one request's time) is the
only way a user can get one event twice: WeChat's API takes no idempotency key."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import NamedTuple

from flask import current_app
from sqlalchemy import and_, bindparam, or_, select, update

from app.accounts.models import User
from app.clock import utcnow
from app.db_types import rowcount
from app.errors import WechatUnavailable
from app.extensions import db
from app.notifications.models import Delivery, DeliveryStatus, SubscriptionQuota
from app.transaction import use_case
from app.wechat import send_subscribe_message
from app.wechat.client import BUSY_ERRCODES, MISCONFIGURED_ERRCODES

log = logging.getLogger(__name__)
S = DeliveryStatus
# Worth trying again later: WeChat busy, unreachable, slow, or our settings being fixed.
RETRYABLE = BUSY_ERRCODES | MISCONFIGURED_ERRCODES | {None}
MAX_BACKOFF = timedelta(hours=1)


class Claimed(NamedTuple):
    id: int
    user_id: int
    template_id: str
    data: dict
    page: str | None
    attempts: int
    openid: str | None
    quota: bool  # this delivery holds one send of the user's quota


def deliver(delivery_id: int) -> str:
    """Send the delivery if it is due and nobody else holds it; returns its status after."""
    job = claim(delivery_id)
    if job is None:
        return "skipped"
    if job.openid is None:
        return settle(job, S.NO_OPENID)
    if not job.quota:
        return settle(job, S.NO_QUOTA)
    try:
        sent = send_subscribe_message(job.openid, job.template_id, job.data, job.page)
    except WechatUnavailable as error:
        return failed(job, getattr(error, "errcode", None))
    return settle(job, S.SENT if sent else S.REFUSED)


@use_case
def claim(delivery_id: int) -> Claimed | None:
    """Hold the delivery for one lease, and take one send of the user's quota for its
    template (unless it holds one from an earlier claim whose worker died mid-send)."""
    now = utcnow()
    lease = timedelta(seconds=current_app.config["OUTBOX_LEASE_SECONDS"])
    due = or_(
        and_(Delivery.status == S.PENDING, Delivery.next_attempt_at <= now),
        and_(Delivery.status == S.SENDING, Delivery.lease_until < now),
    )
    row = db.session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, due)
        .values(status=S.SENDING, attempts=Delivery.attempts + 1, lease_until=now + lease)
        .returning(*(getattr(Delivery, name) for name in _CLAIMED), Delivery.quota_used)
    ).first()
    if row is None:
        return None
    openid = db.session.scalar(select(User.openid).where(User.id == row.user_id))
    quota = row.quota_used or (openid is not None and _take_quota(row))
    return Claimed(
        row.id, row.user_id, row.template_id, row.data, row.page, row.attempts, openid, quota
    )


_CLAIMED = ("id", "user_id", "template_id", "data", "page", "attempts")


def _take_quota(row) -> bool:
    taken = rowcount(
        db.session.execute(
            update(SubscriptionQuota)
            .where(
                SubscriptionQuota.user_id == row.user_id,
                SubscriptionQuota.template_id == row.template_id,
                SubscriptionQuota.remaining > 0,
            )
            .values(remaining=SubscriptionQuota.remaining - 1, updated_at=utcnow())
        )
    )
    if taken:
        db.session.execute(update(Delivery).where(Delivery.id == row.id).values(quota_used=True))
    return bool(taken)


@use_case
def settle(job: Claimed, status: S, error: str | None = None) -> str:
    """Write the outcome of a claimed delivery. Refused: the user's quota is gone. Not
    sent: the quota this delivery held is given back."""
    values: dict = {"status": status, "lease_until": None, "last_error": error}
    if status is S.SENT:
        values["sent_at"] = utcnow()
    elif status is S.REFUSED:
        _set_quota(job, 0)
        values["quota_used"] = False
    else:
        _give_back(job)
    db.session.execute(
        update(Delivery).where(Delivery.id == job.id, Delivery.status == S.SENDING).values(**values)
    )
    log.info("delivery %s to user %s: %s", job.id, job.user_id, status.value)
    return status.value


def failed(job: Claimed, errcode: int | None) -> str:
    config = current_app.config
    error = f"errcode {errcode}" if errcode is not None else "微信无响应或出错"
    if errcode not in RETRYABLE or job.attempts >= config["OUTBOX_MAX_ATTEMPTS"]:
        log.warning("delivery %s is dead after %s attempts: %s", job.id, job.attempts, error)
        return settle(job, S.DEAD, error)
    return wait(job, error)


@use_case
def wait(job: Claimed, error: str) -> str:
    """Back to pending, due again after 2^(attempts-1) times the first delay."""
    base = timedelta(seconds=current_app.config["OUTBOX_RETRY_SECONDS"])
    delay = min(base * 2 ** (job.attempts - 1), MAX_BACKOFF)
    _give_back(job)
    db.session.execute(
        update(Delivery)
        .where(Delivery.id == job.id, Delivery.status == S.SENDING)
        .values(
            status=S.PENDING,
            lease_until=None,
            last_error=error,
            next_attempt_at=utcnow() + delay,
        )
    )
    log.info("delivery %s failed (%s): retry in %s s", job.id, error, int(delay.total_seconds()))
    return S.PENDING.value


def _give_back(job: Claimed) -> None:
    held = rowcount(
        db.session.execute(
            update(Delivery)
            .where(Delivery.id == job.id, Delivery.quota_used.is_(True))
            .values(quota_used=False)
        )
    )
    if held:
        _set_quota(job, SubscriptionQuota.remaining + 1)


def _set_quota(job: Claimed, value) -> None:
    db.session.execute(
        update(SubscriptionQuota)
        .where(
            SubscriptionQuota.user_id == job.user_id,
            SubscriptionQuota.template_id == job.template_id,
        )
        .values(remaining=value, updated_at=utcnow())
    )


DUE = select(Delivery.id).where(
    or_(
        and_(Delivery.status == S.PENDING, Delivery.next_attempt_at <= bindparam("now")),
        and_(Delivery.status == S.SENDING, Delivery.lease_until < bindparam("now")),
    )
)


def due_ids(limit: int = 500) -> list[int]:
    """Deliveries that are due and not held: those whose hand-off was lost (a crash after
    the commit), waiting out a back-off, or held by a worker that died."""
    return list(db.session.scalars(DUE.order_by(Delivery.id).limit(limit), {"now": utcnow()}))
