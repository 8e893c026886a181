"""Read models of members for the console: the review queue and the roster with its numbers.

Each page runs a fixed number of queries whatever its length: the rows, then one grouped
query per kind of number, keyed by the page's ids."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, case, exists, func, or_, select

from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.orders.models import Order
from app.orders.vocabulary import FINISHED, OPEN
from app.org.models import Building, Grid
from app.pagination import paginate
from app.points.models import PointsEntry


def registration_counts(community_ids: set[int]) -> dict[str, int]:
    """{status: number of registrations}, every status present, in one grouped query."""
    rows = db.session.execute(
        select(MemberProfile.status, func.count())
        .where(MemberProfile.community_id.in_(community_ids))
        .group_by(MemberProfile.status)
    ).all()
    counts = {status.value: 0 for status in RegistrationStatus}
    counts.update(dict(rows))
    return counts


def pending_count(community_ids: set[int]) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(MemberProfile)
            .where(
                MemberProfile.community_id.in_(community_ids),
                MemberProfile.status == RegistrationStatus.PENDING,
            )
        )
        or 0
    )


def registration_page(
    community_ids: set[int], status: str, limit: int, cursor: str | None = None
) -> dict:
    """One page of registrations in a status. Pending ones oldest first (whoever has waited
    longest is reviewed first); reviewed ones newest first."""
    stmt = select(MemberProfile).where(
        MemberProfile.community_id.in_(community_ids), MemberProfile.status == status
    )
    return paginate(
        stmt, MemberProfile.id, limit, cursor, oldest_first=status == RegistrationStatus.PENDING
    )


@dataclass
class MemberRow:
    """One approved member with their numbers, as the roster shows them."""

    profile: MemberProfile
    grid_name: str | None = None
    building_name: str | None = None
    points: int = 0
    open_orders: int = 0
    done_orders: int = 0
    average_stars: float | None = None
    rated_orders: int = 0


def member_page(
    community_ids: set[int], limit: int, cursor: str | None = None, search: str | None = None
) -> dict:
    """Approved members of the communities, newest first, with their points, orders and
    ratings; `search` matches a part of the name, the unit or a skill."""
    stmt = select(MemberProfile).where(
        MemberProfile.community_id.in_(community_ids),
        MemberProfile.status == RegistrationStatus.APPROVED,
    )
    if search:
        stmt = _matching(stmt, search)
    page = paginate(stmt, MemberProfile.id, limit, cursor)
    rows = [MemberRow(profile) for profile in page["items"]]
    _add_places(rows)
    _add_points(rows)
    _add_order_numbers(rows)
    return {"items": rows, "next_cursor": page["next_cursor"]}


def unit_member_page(unit_id: int, limit: int, cursor: str | None = None) -> dict:
    """Approved members bound to a unit, in any community, newest first, with the roster's
    numbers: what a unit's account may see, and nothing of anyone else."""
    stmt = select(MemberProfile).where(
        MemberProfile.unit_id == unit_id, MemberProfile.status == RegistrationStatus.APPROVED
    )
    page = paginate(stmt, MemberProfile.id, limit, cursor)
    rows = [MemberRow(profile) for profile in page["items"]]
    _add_points(rows)
    _add_order_numbers(rows)
    return {"items": rows, "next_cursor": page["next_cursor"]}


def _matching(stmt: Select, search: str) -> Select:
    # Skills are a JSON list: its elements are compared, not its (escaped) JSON text.
    element_function = (
        func.json_array_elements_text if db.engine.dialect.name == "postgresql" else func.json_each
    )
    skills = element_function(MemberProfile.skills).table_valued("value")
    skill_matches = exists(
        select(1).select_from(skills).where(skills.c.value.contains(search, autoescape=True))
    )
    return stmt.where(
        or_(
            MemberProfile.name.contains(search, autoescape=True),
            MemberProfile.unit_name.contains(search, autoescape=True),
            skill_matches,
        )
    )


def _add_places(rows: list[MemberRow]) -> None:
    # Looked up by the profiles' optional ids; None finds nothing.
    grids: dict[int | None, str] = dict(
        db.session.execute(
            select(Grid.id, Grid.name).where(Grid.id.in_({row.profile.grid_id for row in rows}))
        ).all()
    )
    buildings: dict[int | None, str] = dict(
        db.session.execute(
            select(Building.id, Building.name).where(
                Building.id.in_({row.profile.building_id for row in rows})
            )
        ).all()
    )
    for row in rows:
        row.grid_name = grids.get(row.profile.grid_id)
        row.building_name = buildings.get(row.profile.building_id)


def _add_points(rows: list[MemberRow]) -> None:
    balances = dict(
        db.session.execute(
            select(PointsEntry.member_id, func.sum(PointsEntry.delta))
            .where(PointsEntry.member_id.in_(_user_ids(rows)))
            .group_by(PointsEntry.member_id)
        ).all()
    )
    for row in rows:
        row.points = int(balances.get(row.profile.user_id) or 0)


def _add_order_numbers(rows: list[MemberRow]) -> None:
    numbers = {
        member_id: rest
        for member_id, *rest in db.session.execute(
            select(
                Order.member_id,
                func.count(case((Order.status.in_(OPEN), 1))),
                func.count(case((Order.status.in_(FINISHED), 1))),
                func.avg(Order.stars),
                func.count(Order.stars),
            )
            .where(Order.member_id.in_(_user_ids(rows)))
            .group_by(Order.member_id)
        ).all()
    }
    for row in rows:
        open_orders, done_orders, average, rated = numbers.get(row.profile.user_id, (0, 0, None, 0))
        row.open_orders, row.done_orders, row.rated_orders = open_orders, done_orders, rated
        row.average_stars = float(average) if average is not None else None


def _user_ids(rows: list[MemberRow]) -> set[int]:
    return {row.profile.user_id for row in rows}
