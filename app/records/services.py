"""Issuing a 反馈卡: staff of the member's community freeze what the member did in the
period, with the community's evaluation and comment. Reissuing replaces the card (a new
`revision`): a unit always reads one card per member and period, the latest."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.accounts.models import User
from app.clock import beijing_today, utcnow
from app.errors import FeedbackCardExists, NotFound, ValidationError
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.points.adjust import require_member
from app.records.facts import facts_of
from app.records.models import FeedbackCard
from app.records.queries import managed_card
from app.transaction import use_case


@use_case(conflict=FeedbackCardExists)
def issue(actor: User, member_id: int, data: dict) -> FeedbackCard:
    """A new card for a member of the actor's communities (404 otherwise); a second card
    for the same period is FEEDBACK_CARD_EXISTS."""
    profile = _member_profile(actor, member_id)
    _check_period(data["start"], data["end"])
    card = FeedbackCard(
        member_id=member_id,
        community_id=profile.community_id,
        period_start=data["start"],
        period_end=data["end"],
    )
    _fill(card, actor, profile, data)
    db.session.add(card)
    db.session.flush()
    return card


@use_case
def reissue(actor: User, card_id: int, data: dict) -> FeedbackCard:
    """The card again, its facts counted anew, with the evaluation and comment given."""
    card = managed_card(actor, card_id)
    profile = _member_profile(actor, card.member_id)
    _fill(card, actor, profile, data)
    card.revision = FeedbackCard.revision + 1  # in SQL: two reissues at once count two
    db.session.flush()
    return card


def _fill(card: FeedbackCard, actor: User, profile: MemberProfile, data: dict) -> None:
    card.facts = facts_of({profile.user_id}, card.period_start, card.period_end)[profile.user_id]
    card.member_name = profile.name
    card.unit_id = profile.unit_id
    card.unit_name = profile.unit_name
    card.evaluation = data["evaluation"]
    card.comment = data["comment"]
    card.issued_by_id = actor.id
    card.issued_at = utcnow()


def _member_profile(actor: User, member_id: int) -> MemberProfile:
    require_member(actor, member_id)
    profile = db.session.scalar(
        select(MemberProfile).where(
            MemberProfile.user_id == member_id,
            MemberProfile.status == RegistrationStatus.APPROVED,
        )
    )
    if profile is None:
        raise NotFound()
    return profile


def _check_period(start: date, end: date) -> None:
    if start > beijing_today(utcnow()):
        raise ValidationError(details={"from": ["期间尚未开始，不能出具反馈卡"]})
