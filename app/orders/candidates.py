"""Who should do an order (社区派单): the community's approved, active members, ranked, each
with the reasons for its rank in plain Chinese.

Members have no coordinates, so distance is estimated from where they live: the order's
building, then its grid, then the rest of the community. The 党员楼栋长 of the order's
building (`Order.building_id`, set when staff enter an order or a device's resident lives
there) comes first whatever the score. One query, however many members."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import and_, func, select

from app.accounts.models import User
from app.clock import utcnow
from app.extensions import db
from app.members.models import MemberProfile
from app.members.queries import eligible_members
from app.orders.access import order_for
from app.orders.models import Order, OrderEvent
from app.orders.vocabulary import OPEN, Action
from app.org.leads import BuildingLead

RATING_DAYS = 90

# Points of the score; the reasons say the same thing in words.
SKILL_POINTS = 40
SAME_BUILDING_POINTS = 30
SAME_GRID_POINTS = 20
IDLE_POINTS = 15  # no open order
POINTS_PER_OPEN_ORDER = -5
POINTS_PER_STAR_ABOVE_3 = 5


@dataclass(frozen=True)
class Reason:
    text: str
    points: int


@dataclass
class Candidate:
    user_id: int
    name: str
    phone: str | None
    unit_name: str
    skills: list[str]
    open_orders: int
    avg_stars: float | None
    ratings: int
    score: int = 0
    reasons: list[Reason] = field(default_factory=list)
    building_lead: bool = False  # the 党员楼栋长 of the order's building


def candidate_name(user_id: int, community_id: int) -> str | None:
    """The member's name if they may be given the community's orders, else None."""
    stmt = eligible_members(community_id).where(MemberProfile.user_id == user_id)
    return db.session.scalar(stmt.with_only_columns(MemberProfile.name))


def rank_candidates(order: Order) -> list[Candidate]:
    """The order's community's eligible members, best first."""
    workload = (
        select(Order.member_id, func.count().label("open_orders"))
        .where(Order.status.in_(OPEN), Order.member_id.is_not(None))
        .group_by(Order.member_id)
        .subquery()
    )
    ratings = (
        select(
            Order.member_id, func.avg(Order.stars).label("avg_stars"), func.count().label("ratings")
        )
        .join(OrderEvent, and_(OrderEvent.order_id == Order.id, OrderEvent.action == Action.RATE))
        .where(Order.stars.is_not(None), OrderEvent.at >= utcnow() - timedelta(days=RATING_DAYS))
        .group_by(Order.member_id)
        .subquery()
    )
    stmt = (
        eligible_members(order.community_id)
        .outerjoin(workload, workload.c.member_id == MemberProfile.user_id)
        .outerjoin(ratings, ratings.c.member_id == MemberProfile.user_id)
        .outerjoin(
            BuildingLead,
            and_(
                BuildingLead.user_id == MemberProfile.user_id,
                BuildingLead.building_id == order.building_id,
            ),
        )
        .add_columns(
            workload.c.open_orders,
            ratings.c.avg_stars,
            ratings.c.ratings,
            BuildingLead.building_id.is_not(None),
        )
    )
    candidates = [score_candidate(order, *row) for row in db.session.execute(stmt)]
    return sorted(candidates, key=ranking)


def ranking(candidate: Candidate) -> tuple:
    """The order of candidates: the building's lead first, then by score, the less busy
    first, then by id so that equal candidates keep one order."""
    return (not candidate.building_lead, -candidate.score, candidate.open_orders, candidate.user_id)


def score_candidate(
    order: Order,
    profile: MemberProfile,
    open_orders: int | None,
    avg_stars: float | None,
    ratings: int | None,
    building_lead: bool = False,
) -> Candidate:
    """The member as a candidate for the order, with the points and reasons of each rule
    (and, for the lead of the order's building, why they come first). Pure: it reads only
    what it is given."""
    candidate = Candidate(
        user_id=profile.user_id,
        name=profile.name,
        phone=profile.phone,
        unit_name=profile.unit_name,
        skills=list(profile.skills or []),
        open_orders=open_orders or 0,
        ratings=ratings or 0,
        avg_stars=round(float(avg_stars), 1) if avg_stars is not None else None,
        building_lead=bool(building_lead),
    )
    if candidate.building_lead:
        candidate.reasons.append(Reason("本楼栋的党员楼栋长，优先派单", 0))
    for points, reason in (
        _skill(order, candidate),
        _place(order, profile),
        _workload(candidate),
        _rating(candidate),
    ):
        candidate.score += points
        candidate.reasons.append(Reason(reason, points))
    return candidate


def _skill(order: Order, candidate: Candidate) -> tuple[int, str]:
    skill = order.item.skill if order.item else None
    if skill and skill in candidate.skills:
        return SKILL_POINTS, f"特长对口：{skill}"
    if skill:
        return 0, f"特长不含“{skill}”"
    return 0, "该服务项目不限特长"


def _place(order: Order, profile: MemberProfile) -> tuple[int, str]:
    if order.building_id and profile.building_id == order.building_id:
        return SAME_BUILDING_POINTS, "住在同一楼栋，距离最近（按楼栋估算，无实时位置）"
    if order.grid_id and profile.grid_id == order.grid_id:
        return SAME_GRID_POINTS, "住在同一网格，距离较近（按网格估算，无实时位置）"
    return 0, "同一社区（按楼栋、网格估算距离，无实时位置）"


def _workload(candidate: Candidate) -> tuple[int, str]:
    if candidate.open_orders == 0:
        return IDLE_POINTS, "手头没有进行中的工单"
    return (
        POINTS_PER_OPEN_ORDER * candidate.open_orders,
        f"手头有 {candidate.open_orders} 张工单在办",
    )


def _rating(candidate: Candidate) -> tuple[int, str]:
    if candidate.avg_stars is None:
        return 0, f"近 {RATING_DAYS} 天暂无评价"
    points = round((candidate.avg_stars - 3) * POINTS_PER_STAR_ABOVE_3)
    return points, (
        f"近 {RATING_DAYS} 天平均 {candidate.avg_stars:g} 星（{candidate.ratings} 次评价）"
    )


def candidates_for(order_id: int, actor: User) -> list[Candidate]:
    """The ranked candidates of an order the actor manages (404 otherwise)."""
    return rank_candidates(order_for(Action.DISPATCH, actor, order_id))
