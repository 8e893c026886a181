"""Staff decide on a text marked for review: clear it (it stays as written) or hide it (the
subject's text is replaced by a neutral placeholder; the review keeps the original).

A decision is one conditional UPDATE from pending: of two decisions, one wins and the other
is refused, whoever came first."""

from __future__ import annotations

from typing import cast

from sqlalchemy import CursorResult, update

from app.accounts.models import User
from app.clock import utcnow
from app.errors import ReviewStateConflict
from app.extensions import db
from app.moderation.models import ContentReview, ReviewStatus
from app.moderation.queries import get_review
from app.moderation.subjects import HIDDEN_TEXT, SUBJECTS, SubjectKind
from app.transaction import use_case


@use_case
def clear(actor: User, review_id: int) -> ContentReview:
    review = get_review(actor, review_id)
    _decide(review, actor, ReviewStatus.CLEARED)
    return review


@use_case
def hide(actor: User, review_id: int) -> ContentReview:
    review = get_review(actor, review_id)
    _decide(review, actor, ReviewStatus.HIDDEN)
    subject = SUBJECTS[SubjectKind(review.subject_kind)]
    table = db.metadata.tables[subject.table]
    db.session.execute(
        update(table).where(table.c.id == review.subject_id).values({subject.column: HIDDEN_TEXT})
    )
    return review


def _decide(review: ContentReview, actor: User, status: ReviewStatus) -> None:
    stmt = (
        update(ContentReview)
        .where(ContentReview.id == review.id, ContentReview.status == ReviewStatus.PENDING)
        .values(status=status, decided_by_id=actor.id, decided_at=utcnow())
    )
    # Session.execute is typed as returning a Result; for an UPDATE it is a CursorResult.
    if cast(CursorResult, db.session.execute(stmt)).rowcount != 1:
        raise ReviewStateConflict()
