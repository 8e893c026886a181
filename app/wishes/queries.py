"""微心愿 reads: the open wishes of a member's community, the resident's and staff's lists,
one wish, the public wall of fulfilled wishes (names masked), and the counts of wishes each
member fulfilled (for 1+X). Each list is one statement whatever the page size."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids, member_community_id
from app.cache import register
from app.counting import counts_by
from app.errors import NotFound
from app.extensions import db
from app.members.models import MemberProfile
from app.orders.access import Viewer, visible_order
from app.orders.listing import detailed, listed, order_rows
from app.orders.models import Order, OrderEvent, OrderStatus
from app.orders.snapshot import OrderSnapshot
from app.orders.vocabulary import FINISHED, Action
from app.org.models import Community
from app.pagination import paginate
from app.wishes.models import WISH_KIND, Wish

# The public wall, kept as a ready answer: any order written may have fulfilled a wish.
WALL = register("wish_wall", [Order, Wish, MemberProfile, User, Community], keys=256)

_WISH_ROWS = (
    order_rows()
    .add_columns(Wish.value_yuan)
    .join(Wish, Wish.order_id == Order.id)
    .where(Order.kind == WISH_KIND)
)


def open_wishes(member: User, limit: int, cursor: str | None = None) -> dict:
    """The published wishes of the member's community nobody has lit yet, newest first."""
    stmt = _WISH_ROWS.where(
        Order.community_id == member_community_id(member),
        Order.status == OrderStatus.PUBLISHED,
        Order.member_id.is_(None),
    )
    return _page(stmt, member, limit, cursor)


def my_wishes(resident: User, limit: int, cursor: str | None = None) -> dict:
    return _page(_WISH_ROWS.where(Order.resident_id == resident.id), resident, limit, cursor)


def member_wishes(member: User, limit: int, cursor: str | None = None) -> dict:
    """The wishes the member lit."""
    return _page(_WISH_ROWS.where(Order.member_id == member.id), member, limit, cursor)


def staff_wishes(
    staff: User, limit: int, cursor: str | None = None, status: str | None = None
) -> dict:
    stmt = _WISH_ROWS.where(Order.community_id.in_(managed_community_ids(staff)))
    if status:
        stmt = stmt.where(Order.status == status)
    return _page(stmt, staff, limit, cursor)


def wish_detail(order_id: int, viewer: User) -> dict:
    """One wish with its timeline, for whoever may see its order; any other id is 404."""
    order = visible_order(viewer, order_id)
    if order.kind != WISH_KIND:
        raise NotFound()
    return shown(order, viewer)


def shown(order: Order | OrderSnapshot, viewer: User) -> dict:
    """The wish as `viewer` may see it: its order's detail, its kind and value."""
    value = db.session.scalar(select(Wish.value_yuan).where(Wish.order_id == order.id))
    return {**detailed(order, Viewer(viewer)), "kind": WISH_KIND, "value": value}


def _page(stmt: Select, viewer: User, limit: int, cursor: str | None) -> dict:
    page = paginate(stmt, Order.id, limit, cursor, rows=True)
    seen_by = Viewer(viewer)
    items = [
        {**listed(row, seen_by), "kind": WISH_KIND, "value": row.value_yuan}
        for row in page["items"]
    ]
    return {**page, "items": items}


# --- the public wall ----------------------------------------------------------------------

_FULFILLED_AT = (
    select(func.max(OrderEvent.at))
    .where(OrderEvent.order_id == Order.id, OrderEvent.action == Action.COMPLETE)
    .correlate(Order)
    .scalar_subquery()
)
_WALL = (
    select(
        Order.id,
        Order.description,
        Order.photos,
        Order.completion_photos,
        Order.status,
        Wish.value_yuan,
        Wish.show_member_name,
        func.coalesce(Order.contact_name, User.display_name).label("resident_name"),
        MemberProfile.name.label("member_name"),
        _FULFILLED_AT.label("fulfilled_at"),
    )
    .join(Wish, Wish.order_id == Order.id)
    .join(User, User.id == Order.resident_id)
    .outerjoin(MemberProfile, MemberProfile.user_id == Order.member_id)
    .where(Order.status.in_(FINISHED))
)


def wall(community_id: int, limit: int, cursor: str | None = None) -> dict:
    """心愿墙: the community's fulfilled wishes, newest first, the resident's name masked
    (张**) and the member's too unless they agreed to be named."""
    if db.session.get(Community, community_id) is None:
        raise NotFound()
    stmt = _WALL.where(Wish.community_id == community_id)
    page = paginate(stmt, Order.id, limit, cursor, rows=True)
    return {**page, "items": [_wall_entry(row) for row in page["items"]]}


def _wall_entry(row) -> dict:
    member = row.member_name if row.show_member_name else mask_name(row.member_name)
    return {
        "id": row.id,
        "description": row.description,
        "value": row.value_yuan,
        "photos": row.photos,
        "completion_photos": row.completion_photos,
        "resident_name": mask_name(row.resident_name),
        "member_name": member,
        "confirmed": row.status != OrderStatus.COMPLETED,
        "fulfilled_at": row.fulfilled_at,
    }


def mask_name(name: str | None) -> str:
    """The first character and two stars (张三 → 张**), whatever the name's length."""
    return f"{name[0]}**" if name else "**"


# --- for 1+X (app.commitments) ------------------------------------------------------------


def counts(user_ids: set[int], start: datetime, end: datetime) -> dict[int, int]:
    """How many wishes each of `user_ids` fulfilled (completed) in [start, end): one query.
    A wish reopened and fulfilled again by another member counts for both."""
    fulfilled = (
        select(OrderEvent.actor_id)
        .join(Order, Order.id == OrderEvent.order_id)
        .where(Order.kind == WISH_KIND, OrderEvent.action == Action.COMPLETE)
    )
    return counts_by(
        OrderEvent.actor_id,
        OrderEvent.at,
        user_ids,
        start,
        end,
        counted=OrderEvent.order_id,
        narrowed=fulfilled,
    )
