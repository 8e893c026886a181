"""GET /merchants (all, or nearest first around a point) and GET /merchants/{id}."""

import pytest

from app.extensions import db
from tests.helpers.api import assert_error, item_ids
from tests.venues.conftest import CENTER

URL = "/api/v1/merchants"
NEAR = {"lat": CENTER[0], "lng": CENTER[1]}


def test_without_a_point_every_merchant_with_navigation(client, shops):
    body = client.get(URL, query_string={"limit": 100}).get_json()
    assert item_ids(body) == sorted(m.id for m in vars(shops).values())
    for merchant in body["items"]:
        assert "distance_m" not in merchant
        assert merchant["navigation"] == {
            "latitude": merchant["latitude"],
            "longitude": merchant["longitude"],
            "name": merchant["name"],
            "address": merchant["address"],
        }


def test_merchant_shape(client, world, shops):
    response = client.get(f"{URL}/{shops.bank.id}")
    assert response.status_code == 200
    assert response.get_json() == {
        "id": shops.bank.id,
        "name": "建设银行百花洲支行",
        "category": "bank",
        "category_label": "银行",
        "community_id": world.a.community.id,
        "address": "东湖区建设银行百花洲支行",
        "latitude": shops.bank.latitude,
        "longitude": shops.bank.longitude,
        "phone": "0791-86205678",
        "opening_hours": [{"days": "每天", "hours": "09:00-21:00"}],
        "services": ["上门服务"],
        "service_points": 0,
        "trusted": False,
        "trusted_label": None,
        "navigation": {
            "latitude": shops.bank.latitude,
            "longitude": shops.bank.longitude,
            "name": "建设银行百花洲支行",
            "address": "东湖区建设银行百花洲支行",
        },
    }


def test_near_a_point_nearest_first_within_the_default_1000_m(client, shops):
    body = client.get(URL, query_string=NEAR).get_json()
    assert item_ids(body) == [shops.bank.id, shops.courier.id, shops.repair.id]
    distances = [m["distance_m"] for m in body["items"]]
    assert all(isinstance(d, int) for d in distances)
    assert distances[:2] == [150, 600] and abs(distances[2] - 900) <= 1


def test_radius_is_respected(client, shops):
    wide = client.get(URL, query_string={**NEAR, "radius_m": 5000}).get_json()
    assert item_ids(wide)[-1] == shops.far.id and wide["items"][-1]["distance_m"] == 1200
    narrow = client.get(URL, query_string={**NEAR, "radius_m": 500}).get_json()
    assert item_ids(narrow) == [shops.bank.id]


def test_category_and_community_filters(client, world, shops):
    near = client.get(URL, query_string={**NEAR, "category": "courier"}).get_json()
    assert item_ids(near) == [shops.courier.id]
    listed = client.get(URL, query_string={"community_id": world.b.community.id}).get_json()
    assert item_ids(listed) == [shops.repair.id, shops.far.id]
    everywhere = client.get(URL, query_string={"category": "pharmacy"}).get_json()
    assert item_ids(everywhere) == [shops.far.id]


def test_nearby_pages_follow_the_cursor(client, shops):
    first = client.get(URL, query_string={**NEAR, "limit": 2}).get_json()
    assert item_ids(first) == [shops.bank.id, shops.courier.id]
    second = client.get(
        URL, query_string={**NEAR, "limit": 2, "cursor": first["next_cursor"]}
    ).get_json()
    assert item_ids(second) == [shops.repair.id] and second["next_cursor"] is None


@pytest.mark.parametrize(
    "query, field",
    [
        ({**NEAR, "radius_m": 0}, "radius_m"),
        ({**NEAR, "radius_m": 5001}, "radius_m"),
        ({**NEAR, "radius_m": "far"}, "radius_m"),
        ({"lat": CENTER[0]}, "lng"),
        ({"lng": CENTER[1]}, "lat"),
        ({"lat": 91, "lng": CENTER[1]}, "lat"),
        ({"category": "casino"}, "category"),
        ({"community_id": "x"}, "community_id"),
    ],
)
def test_bad_search_is_422_naming_the_field(client, shops, query, field):
    error = assert_error(client.get(URL, query_string=query), 422, "VALIDATION_ERROR")
    assert field in error["details"]


def test_unknown_and_closed_merchants_are_404(client, shops):
    assert_error(client.get(f"{URL}/999999"), 404, "NOT_FOUND")
    shops.far.is_active = False
    db.session.commit()
    assert_error(client.get(f"{URL}/{shops.far.id}"), 404, "NOT_FOUND")
    assert shops.far.id not in item_ids(client.get(URL, query_string={"limit": 100}).get_json())


def test_an_edit_shows_at_once(client, shops):
    assert client.get(f"{URL}/{shops.bank.id}").get_json()["trusted"] is False
    shops.bank.trusted = True
    db.session.commit()
    body = client.get(f"{URL}/{shops.bank.id}").get_json()
    assert body["trusted"] is True and body["trusted_label"] == "社区信得过经营户"
