"""Orders for the API and console tests: a valid body, orders written straight to the
database in a chosen status (or created some time ago), and what a call may have changed."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from app.accounts.models import User
from app.extensions import db
from app.orders.deadlines import set_deadlines
from app.orders.models import FollowUp, Order, OrderEvent, OrderStatus
from app.points.models import PointsEntry
from tests.helpers import factories
from tests.helpers.api import auth
from tests.helpers.clock import utcnow
from tests.helpers.db import count_rows

PHONE = "13812341234"
MASKED_PHONE = "138****1234"
# Statuses in which a member holds the order.
HELD = {
    OrderStatus.DISPATCHED,
    OrderStatus.ACCEPTED,
    OrderStatus.IN_PROGRESS,
    OrderStatus.COMPLETED,
    OrderStatus.RATED,
}


def order_body(community, item, **overrides) -> dict:
    body = {
        "community_id": community.id,
        "item_id": item.id,
        "description": "家里水管漏水，\n需要帮忙维修",
        "address": "东湖区百花洲路1号2栋301",
        "contact_phone": PHONE,
        "contact_name": "王阿姨",
        "latitude": 28.6829,
        "longitude": 115.8582,
        "photos": ["https://img.example.com/leak.jpg"],
    }
    body.update(overrides)
    return body


def create_order(
    client, resident: User, community, item, headers: dict | None = None, **overrides
) -> dict:
    """POST /orders as the resident; returns the created order's JSON."""
    response = client.post(
        "/api/v1/orders",
        json=order_body(community, item, **overrides),
        headers={**auth(resident), **(headers or {})},
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def seeded_order(
    side, item, status: OrderStatus = OrderStatus.SUBMITTED, member: User | None = None
) -> Order:
    """An order of `side`'s resident, written straight to the database in `status`; orders
    that a member holds get `side.member` unless another member is given. Commits."""
    if member is None and status in HELD:
        member = side.member
    order = factories.order(side.community, side.resident, item, status=status, member_obj=member)
    db.session.commit()
    return order


def make_order(
    side, item, status=OrderStatus.SUBMITTED, *, age=timedelta(0), member=None, **fields
) -> Order:
    """An order of `side`'s community created `age` ago (deadlines counted from then), its
    "create" event then too, into 待审核 (later moves are `add_event`s). Flushes."""
    order = factories.order(side.community, side.resident, item, status, member_obj=member)
    order.created_at = utcnow() - age
    set_deadlines(order, item, order.created_at)
    db.session.execute(
        update(OrderEvent)
        .where(OrderEvent.order_id == order.id)
        .values(at=order.created_at, to_status=OrderStatus.SUBMITTED)
    )
    for name, value in fields.items():
        setattr(order, name, value)
    db.session.flush()
    return order


def add_event(
    order, action, at=None, to_status=None, *, from_status=None, actor=None, note=None
) -> None:
    """A timeline event of `action` ("complete", "rate", "follow_up" ...), by default into
    the order's status and by its resident."""
    db.session.add(
        OrderEvent(
            order_id=order.id,
            action=action,
            from_status=from_status,
            to_status=to_status or order.status,
            actor_id=actor.id if actor is not None else order.resident_id,
            note=note,
            at=at or utcnow(),
        )
    )
    db.session.flush()


def stored_order(order_id: int) -> Order:
    return db.session.get(Order, order_id, populate_existing=True)


def order_count() -> int:
    return count_rows(Order)


def event_count(order_id: int | None = None) -> int:
    return count_rows(OrderEvent, *([OrderEvent.order_id == order_id] if order_id else []))


def follow_up_count(order_id: int | None = None) -> int:
    return count_rows(FollowUp, *([FollowUp.order_id == order_id] if order_id else []))


def action_count(order_id: int, action: str) -> int:
    """Timeline events of `action` ("grab", "complete" ...) of the order."""
    return count_rows(OrderEvent, OrderEvent.order_id == order_id, OrderEvent.action == action)


def assert_completed_once(order_id: int, results: list[tuple[int, dict]], points: int) -> None:
    """Of one completion sent twice at once, (status, JSON) each: one done, the other a
    conflict, and the item's points credited once."""
    assert sorted(status for status, _ in results) == [200, 409], results
    conflict = next(body for status, body in results if status == 409)
    assert conflict["error"]["code"] == "ORDER_STATE_CONFLICT"
    assert [entry.delta for entry in ledger(order_id)] == [points]
    assert action_count(order_id, "complete") == 1
    assert stored_order(order_id).status == OrderStatus.COMPLETED


def last_event(order_id: int) -> OrderEvent:
    return db.session.scalars(
        select(OrderEvent).where(OrderEvent.order_id == order_id).order_by(OrderEvent.id.desc())
    ).first()


def ledger(order_id: int) -> list[PointsEntry]:
    return list(db.session.scalars(select(PointsEntry).where(PointsEntry.order_id == order_id)))


def snapshot(order_id: int) -> tuple:
    """Everything an action on the order may change."""
    order = stored_order(order_id)
    return (
        order.status,
        order.member_id,
        order.reject_reason,
        event_count(order_id),
        follow_up_count(order_id),
    )
