"""The step every resident's free text goes through: `screen` before the use case that
writes it, `mark_for_review` inside that use case.

`screen` calls WeChat, so it runs before the transaction begins: a slow answer must not hold
the transaction (on SQLite, the write lock). A risky text is refused before anything is
written; a text WeChat wants looked at, or could not check, comes back as a `Screening`
that the use case writes beside the text."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import current_app

from app.accounts.models import User
from app.errors import ContentRisky, WechatUnavailable
from app.extensions import db
from app.moderation.models import ContentReview, ReviewReason
from app.moderation.subjects import Subject
from app.wechat import TextVerdict, wechat

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Screening:
    """A text accepted on condition that staff look at it."""

    subject: Subject
    text: str
    reason: ReviewReason


def screen(author: User, text: str | None, subject: Subject) -> Screening | None:
    """None when the text passed, or is not checked at all: empty, written by a user
    without an openid (staff's 代点单, a device), or in fake mode (nothing leaves the
    server). ContentRisky when WeChat finds it risky."""
    if not text or not author.openid or not wechat.checks_content:
        return None
    timeout = float(current_app.config["CONTENT_CHECK_TIMEOUT_SECONDS"])
    try:
        verdict = wechat.check_text(text, author.openid, subject.scene, timeout)
    except WechatUnavailable:
        log.warning("content check unavailable: %s accepted unchecked", subject.kind)
        return Screening(subject, text, ReviewReason.UNCHECKED)
    if verdict is TextVerdict.RISKY:
        raise ContentRisky(details={subject.field: [ContentRisky.message]})
    if verdict is TextVerdict.REVIEW:
        return Screening(subject, text, ReviewReason.REVIEW)
    return None


def mark_for_review(
    screening: Screening | None, community_id: int, subject_id: int, author_id: int
) -> None:
    """Inside the use case that wrote the subject: a pending review of its text."""
    if screening is None:
        return
    db.session.add(
        ContentReview(
            community_id=community_id,
            subject_kind=screening.subject.kind,
            subject_id=subject_id,
            author_id=author_id,
            text=screening.text,
            reason=screening.reason,
        )
    )
    db.session.flush()
