"""Demo accounts (staff, street admin), residents, members (报到党员) and their orders."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from werkzeug.security import generate_password_hash

from app.accounts.models import Role, User, UserRole
from app.clock import utcnow
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.orders.deadlines import set_deadlines
from app.orders.models import Order, OrderEvent, OrderStatus
from app.orders.points import credit_points
from app.orders.state import MOVES, Actor, record_event, transition
from app.orders.vocabulary import Action
from app.seed import people_data as data
from app.seed.tally import Tally

FAKE_OPENID_PREFIX = "fake-"  # WECHAT_FAKE login: code "member-a1" is openid "fake-member-a1"


def load_accounts(tally: Tally, places: dict) -> dict:
    """Returns {"staff": {community code: User}, "users": {login code: User}}."""
    password_hash = generate_password_hash(data.DEMO_PASSWORD)
    people: dict = {"staff": {}, "users": {}}
    for username, display_name, code in data.STAFF:
        user = _account(tally, username, display_name, password_hash)
        _role(tally, user, Role.STAFF, community_id=places["communities"][code].id)
        people["staff"][code] = user
    for username, display_name, code in data.STREET_ADMINS:
        user = _account(tally, username, display_name, password_hash)
        _role(tally, user, Role.STREET_ADMIN, street_id=places["streets"][code].id)
    tally.line(
        f"工作人员 {len(data.STAFF)} 个，街道管理员 {len(data.STREET_ADMINS)} 个"
        f"（密码 {data.DEMO_PASSWORD}）"
    )
    for code, display_name, phone in data.RESIDENTS:
        people["users"][code] = _wechat_user(tally, code, display_name, phone)
    for spec in data.MEMBERS:
        people["users"][spec["code"]] = _member(tally, spec, places, people["staff"])
    tally.line(
        f"居民 {len(data.RESIDENTS)} 个，报到党员 {len(data.MEMBERS)} 个"
        f"（小程序演示登录 code：{', '.join(m['code'] for m in data.MEMBERS)}）"
    )
    return people


def _account(tally: Tally, username: str, display_name: str, password_hash: str) -> User:
    return tally.get_or_create(
        User, {"username": username}, display_name=display_name, password_hash=password_hash
    )


def _role(tally: Tally, user: User, role: Role, **scope) -> UserRole:
    return tally.get_or_create(UserRole, {"user_id": user.id, "role": role.value}, **scope)


def _wechat_user(tally: Tally, code: str, display_name: str, phone: str) -> User:
    user = tally.get_or_create(
        User, {"openid": FAKE_OPENID_PREFIX + code}, display_name=display_name, phone=phone
    )
    _role(tally, user, Role.RESIDENT)
    return user


def _member(tally: Tally, spec: dict, places: dict, staff: dict) -> User:
    community = places["communities"][spec["community"]]
    grid, buildings = places["grids"][spec["community"]][spec["grid"]]
    building = buildings[spec["building"]]
    user = _wechat_user(tally, spec["code"], spec["name"], spec["phone"])
    approved = spec["status"] == RegistrationStatus.APPROVED
    reviewer = staff[spec["community"]] if approved else None
    tally.get_or_create(
        MemberProfile,
        {"user_id": user.id},
        community_id=community.id,
        name=spec["name"],
        unit_name=spec["unit"],
        letter_no=spec["letter_no"],
        phone=spec["phone"],
        skills=list(spec["skills"]),
        grid_id=grid.id,
        building_id=building.id,
        status=spec["status"],
        reviewed_by_id=reviewer.id if reviewer else None,
        reviewed_at=utcnow() if approved else None,
    )
    if approved:
        _role(tally, user, Role.MEMBER, community_id=community.id)
    return user


def load_orders(tally: Tally, places: dict, items: dict, people: dict) -> None:
    created = 0
    for spec in data.ORDERS:
        resident = people["users"][spec["resident"]]
        existing = _find_order(resident, spec["description"])
        tally.count(Order.__tablename__, created=existing is None)
        if existing is None:
            create_demo_order(tally, spec, places, items, people)
            created += 1
    tally.line(f"工单 {len(data.ORDERS)} 个（本次新建 {created} 个），状态各不相同")


def _find_order(resident: User, description: str) -> Order | None:
    """Demo orders have no code: a resident's order is known by its description."""
    return db.session.scalar(
        select(Order).where(Order.resident_id == resident.id, Order.description == description)
    )


def create_demo_order(tally: Tally, spec: dict, places: dict, items: dict, people: dict) -> Order:
    """The order (of `spec["kind"]`, a service by default) as its resident submitted it,
    then each of its actions as a move of the state machine, backdated 40 minutes apart."""
    resident = people["users"][spec["resident"]]
    member = people["users"][spec["member"]] if spec["member"] else None
    actors = {
        Actor.RESIDENT: resident,
        Actor.STAFF: people["staff"][spec["community"]],
        Actor.MEMBER: member,
    }
    grid, buildings = places["grids"][spec["community"]][spec["place"][0]]
    building = buildings[spec["place"][1]]
    start = utcnow() - timedelta(days=spec["days_ago"], hours=3)
    order = Order(
        community_id=places["communities"][spec["community"]].id,
        resident_id=resident.id,
        item_id=items[spec["item"]].id,
        kind=spec.get("kind", "service"),
        status=OrderStatus.SUBMITTED,
        description=spec["description"],
        address=building.address,
        contact_name=resident.display_name,
        contact_phone=resident.phone,
        grid_id=grid.id,
        building_id=building.id,
        created_at=start,
    )
    set_deadlines(order, items[spec["item"]], start)
    db.session.add(order)
    db.session.flush()
    record_event(
        order.id, order.community_id, Action.CREATE, None, order.status, resident.id, at=start
    )
    at = start
    for name in spec["actions"]:
        action, at = Action(name), at + timedelta(minutes=40)
        values, note = _move_input(action, spec, member)
        if action in _POOL_TIMES:
            values["published_at"] = at if action == Action.PUBLISH else None
        moved = transition(
            order.id, action, actors[MOVES[action].actor], values=values, note=note, at=at
        )
        if action == Action.COMPLETE:
            credit_points(moved)  # a new order: the credit is surely new too
            tally.count("points_entries", created=True)
    # The moves are Core UPDATEs: the loaded order is refreshed from them before its own
    # (last move's) time is written.
    db.session.refresh(order)
    order.updated_at = at
    for _ in range(1 + len(spec["actions"])):
        tally.count(OrderEvent.__tablename__, created=True)
    return order


# The moves that start and stop the pool timeout, as `publish` and `recall` do.
_POOL_TIMES = (Action.PUBLISH, Action.RECALL)


def _move_input(action: Action, spec: dict, member: User | None) -> tuple[dict, str | None]:
    """The values a move writes and the note on its event, as the services give them."""
    if action == Action.REJECT:
        return {"reject_reason": spec["reject_reason"]}, spec["reject_reason"]
    if action == Action.DISPATCH and member is not None:
        return {"member_id": member.id}, f"派给党员 {member.display_name}"
    if action == Action.GRAB and member is not None:
        return {"member_id": member.id}, None
    if action == Action.COMPLETE:
        return {"completion_note": spec.get("completion_note")}, spec.get("completion_note")
    if action == Action.RATE:
        return {"stars": spec["stars"], "comment": spec.get("comment")}, None
    return {}, None
