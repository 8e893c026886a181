"""Staff adjustments of a member's points (人工调整): an entry naming who, when and why."""

from __future__ import annotations

from app.accounts.models import Role, User
from app.auth.permissions import managed_community_ids
from app.errors import NotFound
from app.extensions import db
from app.points.models import PointsReason
from app.points.queries import balance
from app.points.services import post_entry
from app.transaction import use_case


def require_member(actor: User, user_id: int) -> None:
    """A member of one of the actor's communities, else NOT_FOUND."""
    member = db.session.get(User, user_id)
    role = member.role(Role.MEMBER) if member is not None else None
    if role is None or role.community_id not in managed_community_ids(actor):
        raise NotFound()


@use_case
def adjust(actor: User, user_id: int, delta: int, reason: str) -> dict:
    """Add `delta` to a member of the actor's communities (404 otherwise); a debit beyond
    the balance is INSUFFICIENT_POINTS. Returns the entry and the new balance."""
    require_member(actor, user_id)
    entry = post_entry(user_id, delta, PointsReason.ADJUSTMENT, actor_id=actor.id, note=reason)
    return {"entry": entry, "balance": balance(user_id)}
