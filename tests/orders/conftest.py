"""Helpers and fixtures for the order loop tests."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.accounts.models import User
from app.extensions import db
from app.orders.models import Order, OrderEvent, OrderStatus
from app.points.models import PointsEntry
from tests.helpers import factories
from tests.helpers.api import auth

API = "/api/v1"
PHONE = "13812341234"
MASKED_PHONE = "138****1234"


def order_body(community, item, **overrides) -> dict:
    body = {"community_id": community.id, "item_id": item.id,
            "description": "家里水管漏水，\n需要帮忙维修", "address": "东湖区百花洲路1号2栋301",
            "contact_phone": PHONE, "contact_name": "王阿姨",
            "latitude": 28.6829, "longitude": 115.8582,
            "photos": ["https://img.example.com/leak.jpg"]}
    body.update(overrides)
    return body


def create_order(client, resident: User, community, item, headers: dict | None = None,
                 **overrides) -> dict:
    """POST /orders as the resident; returns the created order's JSON."""
    response = client.post(f"{API}/orders", json=order_body(community, item, **overrides),
                           headers={**auth(resident), **(headers or {})})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def call(client, user: User | None, method: str, path: str, body: dict | None = None):
    headers = auth(user) if user is not None else {}
    return getattr(client, method)(f"{API}{path}", json=body, headers=headers)


def post(client, user: User | None, path: str, body: dict | None = None):
    return call(client, user, "post", path, body)


def assert_error(response, status: int, code: str) -> dict:
    payload = response.get_json()
    assert response.status_code == status, payload
    assert payload["error"]["code"] == code, payload
    return payload["error"]


def stored_order(order_id: int) -> Order:
    return db.session.get(Order, order_id, populate_existing=True)


def order_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Order))


def event_count(order_id: int | None = None) -> int:
    stmt = select(func.count()).select_from(OrderEvent)
    if order_id is not None:
        stmt = stmt.where(OrderEvent.order_id == order_id)
    return db.session.scalar(stmt)


def ledger(order_id: int) -> list[PointsEntry]:
    return list(db.session.scalars(select(PointsEntry).where(PointsEntry.order_id == order_id)))


HELD = {OrderStatus.DISPATCHED, OrderStatus.ACCEPTED, OrderStatus.IN_PROGRESS,
        OrderStatus.COMPLETED, OrderStatus.RATED}


def seeded_order(side, item, status: OrderStatus = OrderStatus.SUBMITTED,
                 member: User | None = None) -> Order:
    """An order of `side`'s resident, written straight to the database in `status`; orders
    that a member holds get `side.member` unless another member is given. Commits."""
    if member is None and status in HELD:
        member = side.member
    order = factories.order(side.community, side.resident, item, status=status,
                            member_obj=member)
    db.session.commit()
    return order


@pytest.fixture
def order_a(world) -> Order:
    """A submitted order of community demo-a."""
    return seeded_order(world.a, world.item)
