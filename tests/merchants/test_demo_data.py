"""`seed demo`'s merchants: near each demo community's venues, a merchant account that signs
in, service points that are the sum of their services; a second run writes nothing."""

from sqlalchemy import func, select

from app.extensions import db
from app.merchants.models import Merchant, MerchantCategory, MerchantService
from app.seed.people_data import DEMO_PASSWORD
from app.venues.models import Venue
from tests.helpers.api import staff_login
from tests.helpers.db import count_rows

NANCHANG = {"lat": (28.60, 28.75), "lng": (115.80, 115.95)}


def seed(app) -> str:
    result = app.test_cli_runner().invoke(args=["seed", "demo"])
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_merchants_sit_in_each_communitys_service_circle(app, client):
    output = seed(app)
    assert "demo-a-shop" in output
    merchants = db.session.scalars(select(Merchant)).all()
    assert {m.category for m in merchants} >= {
        MerchantCategory.BANK,
        MerchantCategory.COURIER,
        MerchantCategory.HOUSEKEEPING,
        MerchantCategory.TRAINING,
        MerchantCategory.REPAIR,
        MerchantCategory.FOOD,
        MerchantCategory.PHARMACY,
    }
    for merchant in merchants:
        assert NANCHANG["lat"][0] < merchant.latitude < NANCHANG["lat"][1]
        assert NANCHANG["lng"][0] < merchant.longitude < NANCHANG["lng"][1]
    for venue in db.session.scalars(select(Venue).where(Venue.type == "service_center")):
        query = {"lat": venue.latitude, "lng": venue.longitude, "radius_m": 800}
        near = client.get("/api/v1/merchants", query_string=query).get_json()["items"]
        assert len(near) >= 2, venue.name
        assert any(m["community_id"] == venue.community_id for m in near)


def test_service_points_are_the_sum_of_the_services(app):
    seed(app)
    sums = dict(
        db.session.execute(
            select(MerchantService.merchant_id, func.sum(MerchantService.points)).group_by(
                MerchantService.merchant_id
            )
        ).all()
    )
    assert sums
    for merchant in db.session.scalars(select(Merchant)):
        assert merchant.service_points == sums.get(merchant.id, 0), merchant.name


def test_the_demo_merchant_account_signs_in(app, client):
    seed(app)
    login = staff_login(client, "demo-a-shop", DEMO_PASSWORD)
    assert login.status_code == 200
    me = client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {login.get_json()['token']}"}
    ).get_json()
    assert me["roles"] == ["merchant"]
    shop = db.session.scalar(select(Merchant).where(Merchant.account_id == me["id"]))
    assert shop is not None and shop.trusted


def test_a_second_run_writes_nothing(app):
    seed(app)
    before = (count_rows(Merchant), count_rows(MerchantService))
    output = seed(app)
    assert (count_rows(Merchant), count_rows(MerchantService)) == before
    assert "[6/" in output  # the merchants step; later steps may be added


def test_the_ranking_of_the_demo_quarter(app, client):
    seed(app)
    staff = staff_login(client, "demo-a-staff", DEMO_PASSWORD).get_json()["token"]
    ranking = client.get(
        "/api/v1/staff/merchants/ranking?quarter=2026Q4",
        headers={"Authorization": f"Bearer {staff}"},
    ).get_json()
    assert ranking["items"][0]["name"] == "百花洲邻家便利店"
    assert ranking["items"][0]["points"] == 4
