"""Reads of content reviews, scoped to the communities the staff manage."""

from __future__ import annotations

from sqlalchemy import func, select

from app.accounts.models import Role, User
from app.auth.permissions import require_managed_community, scope_community_ids
from app.cache import answers, register
from app.errors import NotFound
from app.extensions import db
from app.moderation.models import ContentReview, ReviewStatus
from app.org.models import Community
from app.pagination import paginate

# The number waiting per scope, shown in the console's navigation on every page.
PENDING_COUNTS = register("content_reviews_pending", [ContentReview, Community])


def review_page(
    community_ids: set[int], status: str, limit: int, cursor: str | None = None
) -> dict:
    """One page of reviews in a status: pending ones oldest first (whoever has waited
    longest is looked at first), decided ones newest first."""
    stmt = select(ContentReview).where(
        ContentReview.community_id.in_(community_ids), ContentReview.status == status
    )
    return paginate(
        stmt, ContentReview.id, limit, cursor, oldest_first=status == ReviewStatus.PENDING
    )


def list_reviews(
    actor: User,
    limit: int,
    cursor: str | None = None,
    status: str = ReviewStatus.PENDING,
    community_id: int | None = None,
) -> dict:
    return review_page(scope_community_ids(actor, community_id), status, limit, cursor)


def get_review(actor: User, review_id: int) -> ContentReview:
    """A review of a community the actor manages; NotFound for any other."""
    review = db.session.get(ContentReview, review_id)
    if review is None:
        raise NotFound()
    require_managed_community(actor, review.community_id)
    return review


def status_counts(community_ids: set[int]) -> dict[str, int]:
    """{status: number of reviews}, every status present, in one grouped query."""
    rows = db.session.execute(
        select(ContentReview.status, func.count())
        .where(ContentReview.community_id.in_(community_ids))
        .group_by(ContentReview.status)
    ).all()
    return {status.value: 0 for status in ReviewStatus} | dict(rows)


def pending_count(actor: User) -> int:
    """How many of the actor's scope wait, kept until a review is written."""
    admin, staff = actor.role(Role.STREET_ADMIN), actor.role(Role.STAFF)
    key = f"street:{admin and admin.street_id},community:{staff and staff.community_id}"
    return answers().fetch(PENDING_COUNTS, key, lambda: _pending(actor))


def _pending(actor: User) -> int:
    stmt = select(func.count()).where(
        ContentReview.community_id.in_(scope_community_ids(actor)),
        ContentReview.status == ReviewStatus.PENDING,
    )
    return db.session.scalar(stmt) or 0
