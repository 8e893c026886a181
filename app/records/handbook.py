"""纪实手册 (a member's `service_record`): the whole record of one member, read on demand for
the PDF. One query per section whatever its length (the 1+X: the counters' per year)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.accounts.models import User
from app.activities.models import Activity, ActivitySignup, SignupStatus
from app.catalog.models import CatalogItem
from app.commitments.models import Commitment
from app.commitments.queries import shown
from app.errors import NotFound
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.orders.models import Order, OrderEvent
from app.orders.vocabulary import FINISHED, Action
from app.org.models import Community
from app.pairings.models import Pairing, PairingVisit
from app.points.adjust import require_member
from app.points.models import PointsBalance
from app.records.models import FeedbackCard


def staff_record(actor: User, member_id: int) -> dict:
    """The record of a member of the actor's communities; NotFound for any other."""
    require_member(actor, member_id)
    return record(member_id)


def record(member_id: int) -> dict:
    """Every section of the member's record, oldest first within each."""
    profile = db.session.scalar(
        select(MemberProfile).where(
            MemberProfile.user_id == member_id,
            MemberProfile.status == RegistrationStatus.APPROVED,
        )
    )
    if profile is None:
        raise NotFound("您还不是社区党员")
    orders = _finished_orders(member_id)
    return {
        "profile": profile,
        "community_name": db.session.get_one(Community, profile.community_id).name,
        "points": db.session.scalar(
            select(PointsBalance.balance).where(PointsBalance.user_id == member_id)
        )
        or 0,
        "commitments": _commitments_by_year(member_id),
        "orders": [o for o in orders if o.kind != "wish"],
        "wishes": [o for o in orders if o.kind == "wish"],
        "activities": _activities(member_id),
        "visits": _visits(member_id),
        "cards": list(
            db.session.scalars(
                select(FeedbackCard)
                .where(FeedbackCard.member_id == member_id)
                .order_by(FeedbackCard.period_start, FeedbackCard.id)
            )
        ),
    }


def _commitments_by_year(member_id: int) -> dict[int, list[dict]]:
    commitments = list(
        db.session.scalars(
            select(Commitment)
            .where(Commitment.member_id == member_id)
            .order_by(Commitment.year, Commitment.id)
        )
    )
    by_year: dict[int, list[dict]] = {}
    for row in shown(commitments):
        by_year.setdefault(row["year"], []).append(row)
    return by_year


def _finished_orders(member_id: int) -> list:
    """The member's finished orders (services and 微心愿): when done, what, the rating."""
    done_at = func.max(OrderEvent.at).label("done_at")
    return list(
        db.session.execute(
            select(Order.id, Order.kind, Order.description, CatalogItem.name, Order.stars, done_at)
            .join(CatalogItem, CatalogItem.id == Order.item_id)
            .join(OrderEvent, OrderEvent.order_id == Order.id)
            .where(
                Order.member_id == member_id,
                Order.status.in_(FINISHED),
                OrderEvent.action == Action.COMPLETE,
            )
            .group_by(Order.id, Order.kind, Order.description, CatalogItem.name, Order.stars)
            .order_by(done_at, Order.id)
        )
    )


def _activities(member_id: int) -> list:
    return list(
        db.session.execute(
            select(Activity.title, Activity.start_at, ActivitySignup.checked_in_at)
            .join(Activity, Activity.id == ActivitySignup.activity_id)
            .where(
                ActivitySignup.user_id == member_id,
                ActivitySignup.status == SignupStatus.CHECKED_IN,
            )
            .order_by(Activity.start_at, Activity.id)
        )
    )


def _visits(member_id: int) -> list:
    return list(
        db.session.execute(
            select(PairingVisit.visited_on, Pairing.address, PairingVisit.note)
            .join(Pairing, Pairing.id == PairingVisit.pairing_id)
            .where(PairingVisit.member_id == member_id)
            .order_by(PairingVisit.visited_on, PairingVisit.id)
        )
    )
