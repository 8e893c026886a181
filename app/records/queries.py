"""Who reads which 反馈卡: staff of the card's community (street admins of its street), the
member it is on, and the accounts of the unit it was sent to; anyone else gets NOT_FOUND."""

from __future__ import annotations

from sqlalchemy import Select, select

from app.accounts.models import Role, User
from app.auth.permissions import managed_community_ids
from app.errors import NotFound
from app.extensions import db
from app.org.models import Community
from app.pagination import paginate
from app.points.adjust import require_member
from app.records.labels import EVALUATION_LABELS, FACT_ROWS
from app.records.models import Evaluation, FeedbackCard
from app.units.queries import account_unit


def managed_card(actor: User, card_id: int) -> FeedbackCard:
    card = db.session.get(FeedbackCard, card_id)
    if card is None or card.community_id not in managed_community_ids(actor):
        raise NotFound()
    return card


def readable_card(user: User, card_id: int) -> FeedbackCard:
    """The card if the user may read it, whoever they are; else NotFound."""
    card = db.session.get(FeedbackCard, card_id)
    if card is None or not _reads(user, card):
        raise NotFound()
    return card


def _reads(user: User, card: FeedbackCard) -> bool:
    if user.is_staff:
        return card.community_id in managed_community_ids(user)
    if user.has_role(Role.UNIT):
        return card.unit_id is not None and card.unit_id == account_unit(user).id
    return user.has_role(Role.MEMBER) and card.member_id == user.id


def member_cards(actor: User, member_id: int, limit: int, cursor: str | None = None) -> dict:
    """A member's cards, newest first, for staff of the member's community."""
    require_member(actor, member_id)
    return paginate(_of_member(member_id), FeedbackCard.id, limit, cursor)


def own_cards(member: User, limit: int, cursor: str | None = None) -> dict:
    return paginate(_of_member(member.id), FeedbackCard.id, limit, cursor)


def unit_cards(account: User, limit: int, cursor: str | None = None) -> dict:
    """The cards sent to the account's unit, newest first."""
    unit = account_unit(account)
    stmt = select(FeedbackCard).where(FeedbackCard.unit_id == unit.id)
    return paginate(stmt, FeedbackCard.id, limit, cursor)


def _of_member(member_id: int) -> Select:
    return select(FeedbackCard).where(FeedbackCard.member_id == member_id)


def presented(card: FeedbackCard) -> dict:
    """The card as the PDF and the console's preview show it: its facts as labelled rows,
    the community's and the issuer's names (two queries)."""
    facts = card.facts
    rows = [(label, f"{facts.get(key, 0)} {unit}") for key, label, unit in FACT_ROWS]
    average = facts.get("average_rating")
    rows.append(
        ("居民评价", f"{average} 星（{facts.get('ratings', 0)} 次评价）" if average else "暂无评价")
    )
    commitments = facts.get("commitments", [])
    return {
        "card": card,
        "community_name": db.session.get_one(Community, card.community_id).name,
        "issuer_name": db.session.get_one(User, card.issued_by_id).shown_name,
        "evaluation_label": EVALUATION_LABELS[Evaluation(card.evaluation)],
        "fact_rows": rows,
        "commitment_year": facts.get("commitment_year", card.period_end.year),
        "commitments": commitments,
        "commitments_kept": facts.get("commitments_kept", 0),
    }
