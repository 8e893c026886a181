"""`flask seed demo`: the contract's minimums, realistic content, and a second run that
changes nothing."""

import itertools

from sqlalchemy import select
from werkzeug.security import check_password_hash

from app.accounts.models import Role, User
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.orders.models import Order, OrderEvent, OrderStatus
from app.org.models import Building, Community, Grid, Street
from app.points.models import PointsEntry
from app.seed.demo import STEPS
from app.venues.models import Venue
from tests.helpers.api import staff_login, wechat_login
from tests.helpers.db import count_rows

NANCHANG = {"lat": (28.60, 28.75), "lng": (115.80, 115.95)}


def seed(app):
    result = app.test_cli_runner().invoke(args=["seed", "demo"])
    assert result.exit_code == 0, result.output
    return result.output


def table_counts() -> dict:
    return {t.name: count_rows(t) for t in db.metadata.sorted_tables}


def test_seed_demo_creates_the_streets_communities_grids_and_buildings(app):
    output = seed(app)
    street = db.session.scalar(select(Street).where(Street.code == "demo-street"))
    assert street is not None and street.district == "东湖区"
    for code in ("demo-a", "demo-b"):
        community = db.session.scalar(select(Community).where(Community.code == code))
        assert community.street_id == street.id
        grids = db.session.scalars(select(Grid).where(Grid.community_id == community.id)).all()
        assert len(grids) >= 3
        for grid in grids:
            buildings = db.session.scalars(select(Building).where(Building.grid_id == grid.id))
            assert len(buildings.all()) >= 2
    districts = set(db.session.scalars(select(Street.district)))
    assert {"东湖区", "西湖区", "青山湖区"} <= districts
    assert f"[1/{STEPS}]" in output and "演示数据载入完成" in output


def test_seed_demo_loads_the_whole_catalog(app, client):
    seed(app)
    categories = client.get("/api/v1/catalog").get_json()["categories"]
    by_kind = {
        kind: [c for c in categories if c["kind"] == kind]
        for kind in ("public", "social", "volunteer")
    }
    assert sum(len(c["items"]) for c in by_kind["public"]) >= 49
    assert sum(len(c["items"]) for c in by_kind["social"]) >= 52
    assert len(by_kind["volunteer"]) == 9
    assert all(2 <= len(c["items"]) <= 4 for c in by_kind["volunteer"])
    names = {c["name"] for c in by_kind["volunteer"]}
    assert {"水电维修", "治安巡逻", "医疗保健", "法律援助", "文化宣传"} <= names
    items = [i for c in categories for i in c["items"]]
    assert all(isinstance(i["points"], int) and i["points"] > 0 for i in items)
    assert all(
        i["response_hours"] > 0 and i["completion_hours"] >= i["response_hours"] for i in items
    )
    assert all(i["skill"] for i in items)


def test_seed_demo_places_venues_in_nanchang_near_each_community(app):
    seed(app)
    for community in db.session.scalars(select(Community)):
        venues = db.session.scalars(select(Venue).where(Venue.community_id == community.id)).all()
        assert len(venues) >= 5, community.code
        for venue in venues:
            assert NANCHANG["lat"][0] < venue.latitude < NANCHANG["lat"][1]
            assert NANCHANG["lng"][0] < venue.longitude < NANCHANG["lng"][1]
            assert venue.opening_hours and venue.services and venue.facilities
    types = set(db.session.scalars(select(Venue.type)))
    assert {
        "red_station",
        "service_center",
        "neighborhood",
        "convenience",
        "culture",
        "elderly_care",
    } == types


def test_seed_demo_creates_the_walkthrough_accounts(app):
    seed(app)
    communities = {c.code: c for c in db.session.scalars(select(Community))}
    for code in ("demo-a", "demo-b"):
        staff = db.session.scalar(select(User).where(User.username == f"{code}-staff"))
        assert check_password_hash(staff.password_hash, "demo-pass-123")
        assert staff.role(Role.STAFF).community_id == communities[code].id
    admin = db.session.scalar(select(User).where(User.username == "demo-street-admin"))
    street = db.session.scalar(select(Street).where(Street.code == "demo-street"))
    assert admin.role(Role.STREET_ADMIN).street_id == street.id
    assert check_password_hash(admin.password_hash, "demo-pass-123")

    member = db.session.scalar(select(User).where(User.openid == "fake-member-a1"))
    assert member.role(Role.MEMBER).community_id == communities["demo-a"].id
    profile = db.session.scalar(select(MemberProfile).where(MemberProfile.user_id == member.id))
    assert profile.status == RegistrationStatus.APPROVED
    assert profile.unit_name and profile.letter_no and profile.skills
    pending = db.session.scalar(select(User).where(User.openid == "fake-member-a3"))
    assert not pending.has_role(Role.MEMBER)
    assert (
        db.session.scalar(select(MemberProfile.status).where(MemberProfile.user_id == pending.id))
        == RegistrationStatus.PENDING
    )


def test_seed_demo_orders_match_their_timelines(app):
    seed(app)
    demo_a = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    orders = db.session.scalars(select(Order).where(Order.community_id == demo_a.id)).all()
    statuses = {o.status for o in orders}
    assert {
        OrderStatus.SUBMITTED,
        OrderStatus.PUBLISHED,
        OrderStatus.DISPATCHED,
        OrderStatus.IN_PROGRESS,
        OrderStatus.COMPLETED,
        OrderStatus.RATED,
        OrderStatus.REJECTED,
        OrderStatus.CANCELLED,
    } <= statuses
    for order in orders:
        events = db.session.scalars(
            select(OrderEvent).where(OrderEvent.order_id == order.id).order_by(OrderEvent.id)
        ).all()
        assert events[0].action == "create" and events[0].from_status is None
        assert events[-1].to_status == order.status
        for before, after in itertools.pairwise(events):
            assert after.from_status == before.to_status and after.at > before.at
        credited = count_rows(PointsEntry, PointsEntry.order_id == order.id)
        assert credited == (1 if order.status in ("completed", "rated") else 0)
        if order.status in ("dispatched", "accepted", "in_progress", "completed", "rated"):
            assert order.member_id is not None


def test_seed_demo_twice_changes_nothing(app):
    seed(app)
    before = table_counts()
    output = seed(app)
    assert table_counts() == before
    assert "新建 0 条" in output
    assert before["orders"] > 0 and before["venues"] > 0


def test_seed_demo_communities_are_listed(app, client):
    seed(app)
    body = client.get("/api/v1/communities?limit=100").get_json()
    codes = [c["code"] for c in body["items"]]
    assert {"demo-a", "demo-b"} <= set(codes)
    demo_a = next(c for c in body["items"] if c["code"] == "demo-a")
    assert demo_a["street"]["code"] == "demo-street"


def test_seed_demo_accounts_log_in_as_the_readme_says(app, client):
    seed(app)
    member = wechat_login(client, "member-a1")
    assert member.status_code == 200
    assert "member" in member.get_json()["user"]["roles"]
    for username in ("demo-a-staff", "demo-b-staff", "demo-street-admin"):
        staff = staff_login(client, username, "demo-pass-123")
        assert staff.status_code == 200, username


def test_seed_demo_if_empty_skips_a_database_with_data(app, world):
    result = app.test_cli_runner().invoke(args=["seed", "demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert "跳过" in result.output
    assert count_rows(Street) == 1


def test_seed_demo_if_empty_loads_an_empty_database(app):
    result = app.test_cli_runner().invoke(args=["seed", "demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(Community.id).where(Community.code == "demo-a")) is not None
