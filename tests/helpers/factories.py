"""Builders of valid objects for tests. They add to the session; the caller commits."""

from __future__ import annotations

import functools
import itertools

from werkzeug.security import generate_password_hash

from app.accounts.models import Role, User, UserRole
from app.catalog.models import CatalogItem, Category, CategoryKind
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.orders.deadlines import set_deadlines
from app.orders.models import Order, OrderEvent, OrderStatus
from app.org.models import Building, Community, Grid, Street
from tests.helpers.clock import utcnow

_seq = itertools.count(1)


def _n() -> int:
    return next(_seq)


def street(code: str = "test-street") -> Street:
    obj = Street(code=code, name="测试街道", district="东湖区")
    db.session.add(obj)
    db.session.flush()
    return obj


def community(street_obj: Street, code: str | None = None) -> Community:
    obj = Community(code=code or f"c-{_n()}", name=f"{code or '测试'}社区", street=street_obj)
    db.session.add(obj)
    db.session.flush()
    return obj


def grid(community_obj: Community) -> Grid:
    obj = Grid(community=community_obj, name=f"第{_n()}网格")
    db.session.add(obj)
    db.session.flush()
    return obj


def building(grid_obj: Grid) -> Building:
    obj = Building(grid=grid_obj, name=f"{_n()}栋")
    db.session.add(obj)
    db.session.flush()
    return obj


def user(*roles: UserRole, **fields) -> User:
    obj = User(**fields)
    obj.roles.extend(roles)
    db.session.add(obj)
    db.session.flush()
    return obj


def resident() -> User:
    n = _n()
    return user(UserRole(role=Role.RESIDENT), openid=f"openid-{n}", display_name=f"居民{n}")


STAFF_PASSWORD = "secret-pass-1"


@functools.cache
def _staff_password_hash() -> str:
    return generate_password_hash(STAFF_PASSWORD)  # hashed once: scrypt is slow on purpose


def staff(community_obj: Community, username: str | None = None) -> User:
    return user(
        UserRole(role=Role.STAFF, community_id=community_obj.id),
        username=username or f"staff{_n()}",
        password_hash=_staff_password_hash(),
        display_name="社区工作人员",
    )


def street_admin(street_obj: Street) -> User:
    return user(
        UserRole(role=Role.STREET_ADMIN, street_id=street_obj.id),
        username=f"admin{_n()}",
        display_name="街道管理员",
    )


def member(community_obj: Community, skills: list[str] | None = None) -> User:
    n = _n()
    obj = user(
        UserRole(role=Role.RESIDENT),
        UserRole(role=Role.MEMBER, community_id=community_obj.id),
        openid=f"member-openid-{n}",
        display_name=f"党员{n}",
    )
    db.session.add(
        MemberProfile(
            user_id=obj.id,
            community_id=community_obj.id,
            name=f"党员{n}",
            unit_name="南昌市东湖区机关事务局",
            letter_no=f"DH-2026-{n:04d}",
            skills=skills or [],
            status=RegistrationStatus.APPROVED,
        )
    )
    db.session.flush()
    return obj


def catalog_item(points: int = 10, kind: CategoryKind = CategoryKind.PUBLIC) -> CatalogItem:
    category = Category(name=f"分类{_n()}", kind=kind)
    obj = CatalogItem(category=category, name=f"服务{_n()}", points=points)
    db.session.add(obj)
    db.session.flush()
    return obj


def order(
    community_obj: Community,
    resident_obj: User,
    item: CatalogItem,
    status: OrderStatus = OrderStatus.SUBMITTED,
    member_obj: User | None = None,
) -> Order:
    obj = Order(
        community_id=community_obj.id,
        resident_id=resident_obj.id,
        item_id=item.id,
        description="家里水管漏水，需要帮忙维修",
        address="东湖区百花洲路1号2栋301",
        contact_phone="13812341234",
        status=status,
        member_id=member_obj.id if member_obj else None,
        created_at=utcnow(),
    )
    set_deadlines(obj, item, obj.created_at)
    db.session.add(obj)
    db.session.flush()
    db.session.add(
        OrderEvent(
            order_id=obj.id,
            action="create",
            from_status=None,
            to_status=status,
            actor_id=resident_obj.id,
        )
    )
    db.session.flush()
    return obj
