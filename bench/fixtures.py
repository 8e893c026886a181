"""The benchmark's people and orders, written straight to the freshly seeded database (the
service layer would take minutes for tens of thousands of orders, and is not what is measured).

- `bench-reader`: a resident with a few hundred orders (GET /me, GET /my/orders);
- `bench-writer`: a resident who creates orders (POST /orders);
- `bench-member`: a party member of demo-a who grabs from a pool of published orders, each
  with the timeline a real one has (created, approved, published), their ids consecutive,
  and redeems a reward of demo-a whose stock and the member's balance never run out.

Each logs in through the fake WeChat server, which answers the code `X` with the openid
`openid-X`: the users exist before their first login, so no login caches a role they lack."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, create_engine, insert, select, text

from app.accounts.models import Role, User, UserRole
from app.catalog.models import CatalogItem
from app.clock import beijing_today, utcnow
from app.mall.models import Reward
from app.orders.models import Order, OrderEvent, OrderStatus
from app.org.models import Community
from app.points.models import PointsBalance, PointsEntry, PointsReason

READER, WRITER, MEMBER = "bench-reader", "bench-writer", "bench-member"
USERS = (READER, WRITER, MEMBER)
COMMUNITY_CODE = "demo-a"
BATCH = 5000
ENDLESS = 10_000_000  # the redeemed reward's stock, and the member's points


@dataclass
class Fixture:
    community_id: int
    item_id: int
    pool_first_id: int
    pool_last_id: int
    reward_id: int = 0


def openid(code: str) -> str:
    return f"openid-{code}"


def prepare(database_url: str, reader_orders: int, pool_orders: int) -> Fixture:
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            community_id, item_id = _community_and_item(conn)
            users = {code: _user(conn, code) for code in USERS}
            _role(conn, users[MEMBER], Role.MEMBER, community_id)
            base = {"community_id": community_id, "item_id": item_id}
            _orders(conn, {**base, "resident_id": users[READER]}, reader_orders, published=False)
            pool = _orders(
                conn, {**base, "resident_id": users[WRITER]}, pool_orders, published=True
            )
            reward_id = _reward(conn, community_id, users[MEMBER])
        if engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("ANALYZE"))  # as autovacuum would have, on a live database
    finally:
        engine.dispose()
    if pool and pool[-1] - pool[0] + 1 != len(pool):
        raise RuntimeError("the pool's order ids are not consecutive; the grab script needs them")
    first, last = (pool[0], pool[-1]) if pool else (0, -1)
    return Fixture(community_id, item_id, first, last, reward_id)


def _community_and_item(conn: Connection) -> tuple[int, int]:
    community_id = conn.scalar(select(Community.id).where(Community.code == COMMUNITY_CODE))
    item_id = conn.scalar(
        select(CatalogItem.id).where(CatalogItem.is_active).order_by(CatalogItem.id).limit(1)
    )
    if community_id is None or item_id is None:
        raise RuntimeError(f"no community {COMMUNITY_CODE!r} or no catalog item: seed demo first")
    return community_id, item_id


def _reward(conn: Connection, community_id: int, member_id: int) -> int:
    """A reward of 1 point that never runs out, and points for every redemption a run makes
    (an entry and its balance row, as the ledger keeps them)."""
    now = utcnow()
    reward_id = conn.execute(
        insert(Reward).returning(Reward.id),
        {
            "community_id": community_id,
            "name": "压测礼品",
            "points": 1,
            "stock": ENDLESS,
            "valid_from": beijing_today(now),
            "is_active": True,
            "created_by_id": member_id,
            "created_at": now,
            "updated_at": now,
        },
    ).scalar_one()
    entry = {"member_id": member_id, "delta": ENDLESS, "reason": PointsReason.ADJUSTMENT}
    conn.execute(insert(PointsEntry), {**entry, "note": "压测", "created_at": now})
    conn.execute(
        insert(PointsBalance), {"user_id": member_id, "balance": ENDLESS, "updated_at": now}
    )
    return reward_id


def _user(conn: Connection, code: str) -> int:
    user_id = conn.execute(
        insert(User).returning(User.id),
        {"openid": openid(code), "display_name": code, "is_active": True, "created_at": utcnow()},
    ).scalar_one()
    _role(conn, user_id, Role.RESIDENT, None)
    return user_id


def _role(conn: Connection, user_id: int, role: Role, community_id: int | None) -> None:
    conn.execute(
        insert(UserRole),
        {"user_id": user_id, "role": role, "community_id": community_id, "created_at": utcnow()},
    )


def _orders(conn: Connection, base: dict[str, Any], count: int, published: bool) -> list[int]:
    ids: list[int] = []
    for start in range(0, count, BATCH):
        rows = list(_order_rows(base, start, min(count, start + BATCH), published))
        ids += conn.execute(
            insert(Order).returning(Order.id, sort_by_parameter_order=True), rows
        ).scalars()
        conn.execute(insert(OrderEvent), list(_event_rows(ids[start:], base, published)))
    return ids


def _order_rows(base: dict[str, Any], start: int, stop: int, published: bool) -> Iterator[dict]:
    now = utcnow()
    for i in range(start, stop):
        created = now - timedelta(minutes=stop - i)
        yield {
            **base,
            "kind": "service",
            "source": "miniprogram",
            "status": OrderStatus.PUBLISHED if published else OrderStatus.SUBMITTED,
            "description": f"压测工单 {i}：厨房水龙头一直滴水，想请人帮忙修一下",
            "address": "东湖区百花洲路1号2栋301",
            "contact_name": "王阿姨",
            "contact_phone": "13812341234",
            "latitude": 28.6829,
            "longitude": 115.8582,
            "photos": [],
            "completion_photos": [],
            "created_at": created,
            "updated_at": created,
            "respond_by": created + timedelta(hours=24),
            "complete_by": created + timedelta(hours=72),
        }


def _event_rows(order_ids: list[int], base: dict[str, Any], published: bool) -> Iterator[dict]:
    moves = [("create", None, OrderStatus.SUBMITTED)]
    if published:
        moves += [
            ("approve", OrderStatus.SUBMITTED, OrderStatus.APPROVED),
            ("publish", OrderStatus.APPROVED, OrderStatus.PUBLISHED),
        ]
    now = utcnow()
    for order_id in order_ids:
        for action, before, after in moves:
            yield {
                "order_id": order_id,
                "action": action,
                "from_status": before,
                "to_status": after,
                "community_id": base["community_id"],
                "actor_id": base["resident_id"] if action == "create" else None,
                "at": now,
            }
