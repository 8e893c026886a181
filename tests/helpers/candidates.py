"""Members placed in grids and buildings, with skills, workloads and ratings, for the
candidate ranking tests of the API and the console."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from app.accounts.models import User
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.orders.models import Order
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.clock import utcnow
from tests.helpers.orders import add_event

SKILL = "水电维修"


def placed_member(community, skills=(), grid=None, building=None, name=None) -> User:
    user = factories.member(community, skills=list(skills))
    profile = db.session.scalar(db.select(MemberProfile).where(MemberProfile.user_id == user.id))
    profile.grid_id = grid.id if grid else None
    profile.building_id = building.id if building else None
    profile.phone = f"139{user.id:08d}"
    if name:
        profile.name = user.display_name = name
    db.session.flush()
    return user


def give_open_orders(side, item, member: User, count: int) -> None:
    statuses = [S.DISPATCHED, S.ACCEPTED, S.IN_PROGRESS]
    for n in range(count):
        factories.order(side.community, side.resident, item, statuses[n % 3], member_obj=member)


def give_rating(side, item, member: User, stars: int, days_ago: int = 1) -> Order:
    order = factories.order(side.community, side.resident, item, S.RATED, member_obj=member)
    order.stars = stars
    add_event(order, "rate", utcnow() - timedelta(days=days_ago), S.RATED, from_status=S.COMPLETED)
    return order


@dataclass
class Field:
    """An approved order of world.a at world.a's building, for an item needing SKILL, and
    members who differ in one way each. `expected` is the ranking, best first."""

    order: Order
    skilled: User
    busy: User
    neighbour: User
    grid_mate: User
    rated: User
    plain: User
    pending: User
    inactive: User

    @property
    def expected(self) -> list[int]:
        return [
            u.id
            for u in (
                self.skilled,
                self.busy,
                self.neighbour,
                self.grid_mate,
                self.rated,
                self.plain,
            )
        ]


def candidate_field(world) -> Field:
    a = world.a
    item = factories.catalog_item()
    item.skill = SKILL
    other_grid = factories.grid(a.community)
    other_building = factories.building(a.grid)
    far = factories.building(other_grid)
    skilled = placed_member(a.community, [SKILL, "助老助残"], other_grid, far, "技能党员")
    busy = placed_member(a.community, [SKILL], a.grid, a.building, "忙碌党员")
    give_open_orders(a, item, busy, 4)
    neighbour = placed_member(a.community, [], a.grid, a.building, "邻居党员")
    grid_mate = placed_member(a.community, ["法律援助"], a.grid, other_building, "网格党员")
    rated = placed_member(a.community, [], other_grid, far, "好评党员")
    give_rating(a, item, rated, 5)
    give_rating(a, item, rated, 5, days_ago=30)
    give_rating(a, item, rated, 1, days_ago=120)  # too old to count
    pending = placed_member(a.community, [SKILL], a.grid, a.building, "待审党员")
    db.session.scalar(
        db.select(MemberProfile).where(MemberProfile.user_id == pending.id)
    ).status = RegistrationStatus.PENDING
    inactive = placed_member(a.community, [SKILL], a.grid, a.building, "停用党员")
    inactive.is_active = False
    order = factories.order(a.community, a.resident, item, S.APPROVED)
    order.grid_id, order.building_id = a.grid.id, a.building.id
    db.session.commit()
    return Field(order, skilled, busy, neighbour, grid_mate, rated, a.member, pending, inactive)
