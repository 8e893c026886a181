"""`flask seed load --orders N`: counts, timelines the state machine could have written,
a ledger that matches the completed orders, users who can use the API, and refusals."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from app import create_app
from app.accounts.models import Role, User, UserRole
from app.catalog.models import CatalogItem
from app.extensions import db
from app.members.models import MemberProfile
from app.orders.models import FollowUp, Order, OrderEvent, OrderStatus
from app.orders.state import MOVES
from app.orders.vocabulary import Action
from app.org.models import Community
from app.points.models import PointsEntry
from app.seed.load_town import CODE_PREFIX, Sizes, staff_username
from app.seed.people_data import DEMO_PASSWORD
from app.wechat.fake import FAKE_OPENID_PREFIX
from tests.helpers.api import get_json, item_ids, staff_login, wechat_login
from tests.helpers.apps import make_config
from tests.helpers.db import count_rows

ORDERS = 700


def run_load(app, *args: str):
    return app.test_cli_runner().invoke(args=["seed", "load", *args])


@pytest.fixture
def loaded(app):
    result = run_load(app, "--orders", str(ORDERS), "--seed", "3")
    assert result.exit_code == 0, result.output
    return result.output


def loaded_orders() -> list[Order]:
    stmt = select(Order).join(Community).where(Community.code.startswith(CODE_PREFIX))
    return list(db.session.scalars(stmt.order_by(Order.id)))


def test_load_writes_the_sizes_it_reports(loaded):
    sizes = Sizes.for_orders(ORDERS)
    assert len(loaded_orders()) == ORDERS
    loaded_communities = Community.code.startswith(CODE_PREFIX)
    assert count_rows(Community, loaded_communities) == sizes.communities
    members = count_rows(MemberProfile, MemberProfile.letter_no.startswith("NC-JG-"))
    assert members == sizes.communities * sizes.members_per_community
    assert count_rows(FollowUp) > 0
    statuses = set(db.session.scalars(select(Order.status).distinct()))
    assert {OrderStatus.RATED, OrderStatus.COMPLETED, OrderStatus.CANCELLED} <= statuses
    assert "批量载入完成" in loaded and f"{ORDERS:,}" in loaded


def test_every_timeline_replays_to_its_order_status(loaded):
    events = defaultdict(list)
    for event in db.session.scalars(select(OrderEvent).order_by(OrderEvent.id)):
        events[event.order_id].append(event)
    for order in loaded_orders():
        timeline = events[order.id]
        first, moves = timeline[0], timeline[1:]
        assert (first.action, first.to_status, first.at) == (
            "create",
            "submitted",
            order.created_at,
        )
        status, at = first.to_status, first.at
        for event in moves:
            move = MOVES[Action(event.action)]
            assert event.from_status == status and status in move.from_statuses, order.id
            assert event.to_status == (move.to_status or status)
            assert event.at >= at
            status, at = event.to_status, event.at
        assert status == order.status, order.id


def test_the_ledger_holds_one_credit_per_completed_order(loaded):
    completed = dict(
        db.session.execute(
            select(OrderEvent.order_id, Order.member_id)
            .join(Order, Order.id == OrderEvent.order_id)
            .where(OrderEvent.action == Action.COMPLETE)
        ).all()
    )
    entries = db.session.execute(
        select(PointsEntry.order_id, PointsEntry.member_id, PointsEntry.delta, CatalogItem.points)
        .join(Order, Order.id == PointsEntry.order_id)
        .join(CatalogItem, CatalogItem.id == Order.item_id)
    ).all()
    assert sorted(e.order_id for e in entries) == sorted(completed)
    assert all(e.member_id == completed[e.order_id] and e.delta == e.points for e in entries)


def test_loaded_people_sign_in_and_see_their_lists(loaded, client):
    order = db.session.scalars(
        select(Order)
        .join(Community)
        .where(Community.code.startswith(CODE_PREFIX), Order.status == OrderStatus.PUBLISHED)
        .order_by(Order.id)
    ).first()
    assert order is not None, "a load has orders in the pool"
    resident = db.session.get_one(User, order.resident_id)
    member = db.session.scalars(
        select(User)
        .join(UserRole)
        .where(UserRole.role == Role.MEMBER, UserRole.community_id == order.community_id)
    ).first()
    community = db.session.get_one(Community, order.community_id)
    staff_name = staff_username(int(community.code.removeprefix(f"{CODE_PREFIX}c")))
    staff = db.session.scalars(select(User).where(User.username == staff_name)).one()

    for user in (resident, member):
        login = wechat_login(client, user.openid.removeprefix(FAKE_OPENID_PREFIX))
        assert login.status_code == 200 and login.get_json()["user"]["id"] == user.id
    assert staff_login(client, staff, DEMO_PASSWORD).status_code == 200

    assert order.id in item_ids(get_json(client, resident, "/my/orders?limit=100"))
    assert order.id in item_ids(get_json(client, member, "/member/pool?limit=100"))
    published = get_json(client, staff, "/staff/orders?status=published&limit=100")
    assert order.id in item_ids(published)
    credited = db.session.scalar(
        select(func.sum(PointsEntry.delta)).where(PointsEntry.member_id == member.id)
    )
    assert get_json(client, member, "/member/points")["balance"] == (credited or 0)


def test_a_second_load_is_refused_and_writes_nothing(loaded, app):
    before = count_rows(Order)
    result = run_load(app, "--orders", "10")
    assert result.exit_code != 0
    assert "已经有批量载入的数据" in result.output
    assert count_rows(Order) == before


def test_the_same_seed_loads_the_same_orders(app):
    assert run_load(app, "--orders", "300", "--seed", "5").exit_code == 0
    first = _fingerprint()
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()
    assert run_load(app, "--orders", "300", "--seed", "5").exit_code == 0
    assert _fingerprint() == first


def _fingerprint() -> list[tuple]:
    """What the orders are, whatever ids the database gave (sequences are not reset)."""
    stmt = (
        select(Order.status, CatalogItem.name, Order.description, Order.stars)
        .join(CatalogItem)
        .order_by(Order.id)
    )
    events = db.session.scalar(select(func.count()).select_from(OrderEvent))
    return [*db.session.execute(stmt).all(), events]


def test_a_database_behind_the_migrations_is_refused(tmp_path):
    app = create_app(make_config(f"sqlite:///{tmp_path / 'old.db'}"))
    with app.app_context():
        upgrade(directory=str(Path(__file__).parents[2] / "migrations"), revision="a51ecde70deb")
        result = run_load(app, "--orders", "10")
        assert result.exit_code != 0
        assert "order_events.community_id" in result.output and "db upgrade" in result.output
        assert count_rows(Community) == 0
        db.engine.dispose()


def test_the_cached_community_list_shows_the_loaded_communities(app, client):
    """The load writes past the session (COPY, or the connection's executemany); it still
    drops the cached answers built from the tables it wrote."""
    assert app.test_cli_runner().invoke(args=["seed", "demo"]).exit_code == 0
    before = client.get("/api/v1/communities?limit=100").get_json()["items"]  # now kept
    assert run_load(app, "--orders", str(ORDERS), "--seed", "3").exit_code == 0
    after = client.get("/api/v1/communities?limit=100").get_json()["items"]
    loaded = [c for c in after if c["code"].startswith(CODE_PREFIX)]
    assert before and loaded and len(after) == len(before) + len(loaded)
