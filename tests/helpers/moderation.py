"""Content reviews: the rows a call left, and one written straight to the database."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.moderation.models import ContentReview, ReviewReason
from app.moderation.subjects import SubjectKind


def reviews() -> list[ContentReview]:
    """Every review, oldest first, as the database has it now."""
    db.session.expire_all()
    return list(db.session.scalars(select(ContentReview).order_by(ContentReview.id)))


def seeded_review(
    order, kind: SubjectKind = SubjectKind.ORDER_DESCRIPTION, reason=ReviewReason.REVIEW
) -> ContentReview:
    """A pending review of the order's description (or comment), as the order's creation
    would write it. Commits."""
    review = ContentReview(
        community_id=order.community_id,
        subject_kind=kind,
        subject_id=order.id,
        author_id=order.resident_id,
        text=order.description if kind == SubjectKind.ORDER_DESCRIPTION else order.comment,
        reason=reason,
    )
    db.session.add(review)
    db.session.commit()
    return review
