"""Follow-up calls (一次回访): staff call the resident back after the job and record whether
they reached them and, if so, whether the resident was satisfied."""
from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.errors import ValidationError
from app.extensions import db
from app.orders.access import order_for
from app.orders.models import FollowUp
from app.orders.services import use_case
from app.orders.state import transition


@use_case
def record_follow_up(order_id: int, actor: User, reached: bool, satisfied: bool | None = None,
                     note: str | None = None) -> FollowUp:
    """Whether the resident was satisfied is asked only of a resident who was reached. The
    move `follow_up` keeps the order's status and writes the timeline's event; it is
    refused (409) unless the order is completed, rated or closed."""
    order = order_for("follow_up", actor, order_id)
    if reached and satisfied is None:
        raise ValidationError(details={"satisfied": ["请选择居民是否满意"]})
    if not reached and satisfied is not None:
        raise ValidationError(details={"satisfied": ["未联系上居民时不能填写是否满意"]})
    # The timeline is shown to the resident and the member too: the outcome only, while the
    # staff's own note stays in the follow-up, which only staff see.
    transition(order.id, "follow_up", actor, expected_from=order.status,
               note=outcome(reached, satisfied))
    follow_up = FollowUp(order_id=order.id, staff_id=actor.id, reached=reached,
                         satisfied=satisfied, note=note)
    db.session.add(follow_up)
    db.session.flush()
    return follow_up


def follow_ups_of(order_id: int) -> list[FollowUp]:
    """The order's follow-ups, oldest first (the caller has checked who may see them)."""
    return list(db.session.scalars(select(FollowUp).where(FollowUp.order_id == order_id)
                                   .order_by(FollowUp.id)))


def outcome(reached: bool, satisfied: bool | None) -> str:
    if not reached:
        return "未联系上"
    return {True: "已联系，居民满意", False: "已联系，居民不满意"}.get(satisfied, "已联系")

