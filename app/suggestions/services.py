"""意见建议 use cases: a resident or member makes a suggestion to a community; its staff
answer it once (a conditional UPDATE from pending: two staff answering at once, one wins)
and its author is told through the outbox."""

from __future__ import annotations

from sqlalchemy import update

from app.accounts.models import User
from app.clock import utcnow
from app.errors import SuggestionStateConflict, ValidationError
from app.extensions import db
from app.moderation.screening import Screening, mark_for_review
from app.notifications import outbox
from app.notifications.templates import Event
from app.org.models import Community
from app.suggestions.models import Suggestion, SuggestionStatus
from app.suggestions.queries import suggestion_in_reach
from app.transaction import use_case

SUGGESTION_PAGE = "pages/suggestions/detail?id={id}"


@use_case
def make_suggestion(actor: User, data: dict, screening: Screening | None = None) -> Suggestion:
    """`screening`: the text's content check, written beside it."""
    if db.session.get(Community, data["community_id"]) is None:
        raise ValidationError(details={"community_id": ["社区不存在"]})
    suggestion = Suggestion(author_id=actor.id, **data)
    db.session.add(suggestion)
    db.session.flush()
    mark_for_review(screening, suggestion.community_id, suggestion.id, actor.id)
    return suggestion


@use_case
def answer(suggestion_id: int, actor: User, text: str) -> Suggestion:
    """答复: staff of the suggestion's community, once (else SUGGESTION_STATE_CONFLICT)."""
    suggestion = suggestion_in_reach(actor, suggestion_id)
    now = utcnow()
    answered = db.session.execute(
        update(Suggestion)
        .where(Suggestion.id == suggestion.id, Suggestion.status == SuggestionStatus.PENDING)
        .values(status=SuggestionStatus.ANSWERED, answer=text, answered_by_id=actor.id)
        .values(answered_at=now)
        .returning(Suggestion.id)
    ).first()
    if answered is None:
        raise SuggestionStateConflict()
    db.session.refresh(suggestion)
    outbox.post(
        [suggestion.author_id],
        Event.SUGGESTION_ANSWERED,
        key=f"suggestion:{suggestion.id}:answered",
        title="您的意见建议已答复",
        body=f"社区答复：{text}",
        page=SUGGESTION_PAGE.format(id=suggestion.id),
        community_id=suggestion.community_id,
        at=now,
        fields={"thing1": suggestion.text, "thing2": text, "time3": now},
    )
    return suggestion
