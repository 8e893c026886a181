"""GET /venues (all, or nearest first around a point) and GET /venues/{id}."""

import pytest

from tests.helpers.api import assert_error, item_ids
from tests.venues.conftest import CENTER, east, make_venue

URL = "/api/v1/venues"
NEAR = {"lat": CENTER[0], "lng": CENTER[1]}


ids = item_ids


def test_without_a_point_every_venue_in_id_order(client, places):
    response = client.get(URL, query_string={"limit": 100})
    assert response.status_code == 200
    body = response.get_json()
    assert ids(body) == sorted(ids(body)) and len(ids(body)) == 5
    assert body["next_cursor"] is None
    for venue in body["items"]:
        assert "distance_m" not in venue
        assert venue["navigation"] == {
            "latitude": venue["latitude"],
            "longitude": venue["longitude"],
            "name": venue["name"],
            "address": venue["address"],
        }


def test_venue_item_shape(frozen_clock, client, places):
    [red] = [v for v in client.get(URL).get_json()["items"] if v["id"] == places.red.id]
    assert red == {
        "id": places.red.id,
        "name": "百花洲红色驿站",
        "type": "red_station",
        "type_label": "红色驿站",
        "community_id": places.a.id,
        "address": "东湖区百花洲红色驿站",
        "latitude": places.red.latitude,
        "longitude": places.red.longitude,
        "phone": "0791-86201234",
        "opening_hours": [{"days": "周一至周五", "hours": "08:30-17:30"}],
        "services": ["在职党员报到"],
        "facilities": ["休息座椅"],
        "photos": [],
        "intro_html": "",
        "open_now": True,  # a Thursday, 10:00 in Beijing
        "navigation": {
            "latitude": places.red.latitude,
            "longitude": places.red.longitude,
            "name": "百花洲红色驿站",
            "address": "东湖区百花洲红色驿站",
        },
    }


def test_near_a_point_nearest_first_with_integer_distances(client, places):
    body = client.get(URL, query_string=NEAR).get_json()
    assert ids(body) == [places.red.id, places.center.id, places.shop.id, places.culture.id]
    distances = [v["distance_m"] for v in body["items"]]
    assert all(isinstance(d, int) for d in distances)
    assert distances == sorted(distances)
    assert distances[0] == 200 and distances[1] == 800 and distances[3] == 1500
    assert abs(distances[2] - 990) <= 1


def test_radius_is_respected(client, places):
    wider = client.get(URL, query_string={**NEAR, "radius_m": 3100}).get_json()
    assert ids(wider)[-1] == places.outside.id and wider["items"][-1]["distance_m"] == 3020
    narrow = client.get(URL, query_string={**NEAR, "radius_m": 850}).get_json()
    assert ids(narrow) == [places.red.id, places.center.id]


def test_east_west_edge_of_the_search_box(client, places):
    just_out = make_venue(places.b, "东边稍远的驿站", "red_station", east(1010))
    body = client.get(URL, query_string={**NEAR, "radius_m": 1000}).get_json()
    assert places.shop.id in ids(body) and just_out.id not in ids(body)


def test_type_and_community_filters(client, places):
    near = client.get(URL, query_string={**NEAR, "type": "culture"}).get_json()
    assert ids(near) == [places.culture.id]
    listed = client.get(URL, query_string={"type": "red_station"}).get_json()
    assert ids(listed) == [places.red.id]
    mine = client.get(URL, query_string={**NEAR, "community_id": places.b.id}).get_json()
    assert ids(mine) == [places.shop.id, places.culture.id]


def test_nearby_pages_follow_the_ranking(client, places):
    first = client.get(URL, query_string={**NEAR, "limit": 3}).get_json()
    assert ids(first) == [places.red.id, places.center.id, places.shop.id]
    second = client.get(
        URL, query_string={**NEAR, "limit": 3, "cursor": first["next_cursor"]}
    ).get_json()
    assert ids(second) == [places.culture.id] and second["next_cursor"] is None


def test_list_pages_by_id(client, places):
    first = client.get(URL, query_string={"limit": 3}).get_json()
    second = client.get(URL, query_string={"limit": 3, "cursor": first["next_cursor"]}).get_json()
    assert len(ids(first)) == 3 and len(ids(second)) == 2
    assert ids(first) + ids(second) == sorted(ids(first) + ids(second))


@pytest.mark.parametrize(
    "query",
    [
        {"cursor": "forged"},
        {**NEAR, "cursor": "forged"},
    ],
)
def test_cursor_not_issued_is_422(client, places, query):
    response = client.get(URL, query_string=query)
    assert "cursor" in assert_error(response, 422, "VALIDATION_ERROR")["details"]


def test_nearby_cursor_is_bound_to_its_search(client, places):
    first = client.get(URL, query_string={**NEAR, "limit": 1}).get_json()
    moved = {"lat": CENTER[0] + 0.01, "lng": CENTER[1], "limit": 1, "cursor": first["next_cursor"]}
    assert_error(client.get(URL, query_string=moved), 422, "VALIDATION_ERROR")
    listed = client.get(URL, query_string={"limit": 1}).get_json()
    reused = client.get(URL, query_string={**NEAR, "cursor": listed["next_cursor"]})
    assert_error(reused, 422, "VALIDATION_ERROR")


@pytest.mark.parametrize(
    "query,field",
    [
        ({**NEAR, "radius_m": 0}, "radius_m"),
        ({**NEAR, "radius_m": 50001}, "radius_m"),
        ({**NEAR, "radius_m": "abc"}, "radius_m"),
        ({**NEAR, "radius_m": "1.5"}, "radius_m"),
        ({"lat": 91, "lng": CENTER[1]}, "lat"),
        ({"lat": CENTER[0], "lng": -180.5}, "lng"),
        ({"lat": "nan", "lng": CENTER[1]}, "lat"),
        ({"lat": "", "lng": CENTER[1]}, "lat"),
        ({"lat": CENTER[0]}, "lng"),
        ({"lng": CENTER[1]}, "lat"),
        ({"type": "bank"}, "type"),
        ({"community_id": 0}, "community_id"),
        ({"community_id": 2**40}, "community_id"),
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
    ],
)
def test_bad_search_input_is_422(client, places, query, field):
    response = client.get(URL, query_string=query)
    assert field in assert_error(response, 422, "VALIDATION_ERROR")["details"]


@pytest.mark.parametrize("point", [(89.99, 179.99), (-90, -180), (0, 180), (90, 0)])
def test_searches_at_the_edges_of_the_globe_do_not_fail(client, places, point):
    response = client.get(URL, query_string={"lat": point[0], "lng": point[1], "radius_m": 50000})
    assert response.status_code == 200 and response.get_json()["items"] == []


def test_radius_limits_are_accepted(client, places):
    assert client.get(URL, query_string={**NEAR, "radius_m": 1}).get_json()["items"] == []
    assert len(client.get(URL, query_string={**NEAR, "radius_m": 50000}).get_json()["items"]) == 5


def test_venue_detail(client, places):
    response = client.get(f"{URL}/{places.center.id}")
    assert response.status_code == 200
    body = response.get_json()
    assert body["name"] == "百花洲社区党群服务中心" and body["type_label"] == "党群服务中心"
    assert body["opening_hours"] == [{"days": "周一至周五", "hours": "08:30-17:30"}]
    assert body["services"] == ["在职党员报到"] and body["facilities"] == ["休息座椅"]
    assert body["description"] == "百花洲社区党群服务中心简介"
    assert body["community"] == {"id": places.a.id, "code": "demo-a", "name": places.a.name}
    assert body["navigation"]["name"] == body["name"]
    assert "distance_m" not in body


@pytest.mark.parametrize("path", [f"{URL}/999999", f"{URL}/abc", f"{URL}/-1"])
def test_unknown_venue_is_404_envelope(client, places, path):
    assert_error(client.get(path), 404, "NOT_FOUND")


def test_venues_need_no_token(client, places):
    assert client.get(URL, headers={"Authorization": "Bearer nonsense"}).status_code == 200
    assert client.get(f"{URL}/{places.red.id}").status_code == 200


def test_a_search_repeated_from_one_point_is_kept_until_a_venue_changes(client, places):
    from app.extensions import db
    from tests.helpers.queries import count_queries

    first = client.get(URL, query_string=NEAR)
    with count_queries() as statements:
        again = client.get(URL, query_string=NEAR)
    assert statements == [] and again.data == first.data
    assert again.headers["ETag"] == first.headers["ETag"]
    nearer = make_venue(places.a, "更近的驿站", "red_station", east(100))
    db.session.commit()
    assert ids(client.get(URL, query_string=NEAR).get_json())[0] == nearer.id
