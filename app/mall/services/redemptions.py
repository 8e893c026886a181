"""A redemption's moves: pending → fulfilled (核销), cancelled (by its user) or expired (by
the worker). Each is one conditional UPDATE WHERE status = 'pending', so of two moves racing
exactly one wins; a cancel and an expiry give the points and the stock back, once."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, select, update

from app.accounts.models import User
from app.clock import utcnow
from app.errors import NotFound, RedemptionStateConflict
from app.extensions import db
from app.mall.access import own_redemption, reaches_rewards
from app.mall.codes import normalized
from app.mall.models import Redemption, RedemptionStatus, Reward
from app.mall.spending import give_back
from app.notifications import outbox
from app.notifications.templates import Event
from app.transaction import use_case

REDEMPTIONS = cast(Table, Redemption.__table__)
PENDING = RedemptionStatus.PENDING


@use_case
def cancel(actor: User, redemption_id: int) -> Redemption:
    redemption = own_redemption(actor, redemption_id)
    if not _close(redemption.id, RedemptionStatus.CANCELLED, utcnow()):
        raise RedemptionStateConflict()
    give_back(redemption, "取消兑换")
    return _reloaded(redemption)


@use_case
def verify(actor: User, code: str) -> Redemption:
    """核销 a code of a reward the actor reaches; a code never issued, or out of reach, is
    NOT_FOUND; a pending one past its expiry is refused like an expired one."""
    redemption = db.session.scalar(
        select(Redemption)
        .join(Reward, Reward.id == Redemption.reward_id)
        .where(Redemption.code == normalized(code), reaches_rewards(actor))
    )
    if redemption is None:
        raise NotFound("兑换码不存在")
    now = utcnow()
    done = _close(redemption.id, RedemptionStatus.FULFILLED, now, verified_by_id=actor.id)
    if not done:
        raise RedemptionStateConflict()
    reward = db.session.get(Reward, redemption.reward_id)
    name = reward.name if reward else ""
    _tell(redemption, Event.REDEMPTION_FULFILLED, "兑换已核销", f"您兑换的“{name}”已领取。")
    return _reloaded(redemption)


@use_case
def expire_due(now: datetime) -> int:
    """Pending redemptions past their expiry become expired, their points and stock back;
    on several workers at once each is expired once (the conditional UPDATE)."""
    due = db.session.scalars(
        select(Redemption)
        .where(Redemption.status == PENDING, Redemption.expires_at <= now)
        .order_by(Redemption.id)
        .limit(500)
    ).all()
    expired = 0
    for redemption in due:
        if _close(redemption.id, RedemptionStatus.EXPIRED, now, expiring=True):
            give_back(redemption, "兑换过期退回")
            body = f"兑换码 {redemption.code} 已过期，{redemption.points} 积分已退回。"
            _tell(redemption, Event.REDEMPTION_EXPIRED, "兑换已过期", body)
            expired += 1
    return expired


def _close(redemption_id: int, status: str, now: datetime, expiring: bool = False, **values):
    """pending → `status`; False when it was not pending (or, unless expiring, is past
    its expiry)."""
    conditions = [REDEMPTIONS.c.id == redemption_id, REDEMPTIONS.c.status == PENDING]
    if not expiring:
        conditions.append(REDEMPTIONS.c.expires_at > now)
    stmt = update(REDEMPTIONS).where(*conditions).values(status=status, closed_at=now, **values)
    return db.session.execute(stmt.returning(REDEMPTIONS.c.id)).first() is not None


def _tell(redemption: Redemption, event: Event, title: str, body: str) -> None:
    outbox.post(
        [redemption.user_id],
        event,
        key=f"{event.value}:{redemption.id}",
        title=title,
        body=body,
        fields={"character_string1": redemption.code},
    )


def _reloaded(redemption: Redemption) -> Redemption:
    db.session.refresh(redemption)
    return redemption
