"""回访: staff call the resident back after the job and record whether they reached them
and, if so, whether the resident was satisfied."""

from __future__ import annotations

from app.accounts.models import User
from app.errors import ValidationError
from app.extensions import db
from app.orders.access import facts_for
from app.orders.labels import follow_up_outcome
from app.orders.models import FollowUp
from app.orders.state import transition
from app.orders.vocabulary import Action
from app.transaction import use_case


@use_case
def record_follow_up(
    order_id: int,
    actor: User,
    reached: bool,
    satisfied: bool | None = None,
    note: str | None = None,
) -> FollowUp:
    """Whether the resident was satisfied is asked only of a resident who was reached. The
    move `follow_up` keeps the order's status and writes the timeline's event; it is
    refused (409) unless the order is completed, rated or closed."""
    order = facts_for(Action.FOLLOW_UP, actor, order_id)
    if reached and satisfied is None:
        raise ValidationError(details={"satisfied": ["请选择居民是否满意"]})
    if not reached and satisfied is not None:
        raise ValidationError(details={"satisfied": ["未联系上居民时不能填写是否满意"]})
    # The timeline is shown to the resident and the member too: the outcome only, while the
    # staff's own note stays in the follow-up, which only staff see.
    moved = transition(
        order.id,
        Action.FOLLOW_UP,
        actor,
        expected_from=order.status,
        note=follow_up_outcome(reached, satisfied),
    )
    follow_up = FollowUp(
        order_id=order.id,
        staff_id=actor.id,
        reached=reached,
        satisfied=satisfied,
        note=note,
        service_round=moved.service_round,
    )
    db.session.add(follow_up)
    db.session.flush()
    return follow_up
