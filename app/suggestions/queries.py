"""意见建议 reads: the author's own, a community's for its staff (by status), and the counts
of suggestions each user made (for 1+X)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.counting import counts_by
from app.errors import NotFound
from app.extensions import db
from app.pagination import paginate
from app.suggestions.models import Suggestion


def my_suggestions(author: User, limit: int, cursor: str | None = None) -> dict:
    """The caller's suggestions, newest first."""
    stmt = select(Suggestion).where(Suggestion.author_id == author.id)
    return paginate(stmt, Suggestion.id, limit, cursor)


def staff_suggestions(
    staff: User,
    limit: int,
    cursor: str | None = None,
    status: str | None = None,
    community_ids: set[int] | None = None,
) -> dict:
    """The suggestions of the communities the staff member manages (or `community_ids`
    among them), newest first."""
    scope = managed_community_ids(staff) if community_ids is None else community_ids
    stmt = select(Suggestion).where(Suggestion.community_id.in_(sorted(scope)))
    if status:
        stmt = stmt.where(Suggestion.status == status)
    return paginate(stmt, Suggestion.id, limit, cursor)


def suggestion_in_reach(actor: User, suggestion_id: int) -> Suggestion:
    """The suggestion when `actor` manages its community, else 404."""
    suggestion = db.session.get(Suggestion, suggestion_id)
    if suggestion is None or suggestion.community_id not in managed_community_ids(actor):
        raise NotFound()
    return suggestion


def counts(user_ids: set[int], start: datetime, end: datetime) -> dict[int, int]:
    """How many suggestions each of `user_ids` made in [start, end): one query."""
    return counts_by(Suggestion.author_id, Suggestion.created_at, user_ids, start, end)
