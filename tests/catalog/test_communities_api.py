"""GET /communities and GET /communities/{id}: public, with street, grids and buildings."""

import pytest

from app.extensions import db
from tests.helpers import factories
from tests.helpers.api import assert_error


@pytest.fixture
def communities(app):
    street = factories.street("demo-street")
    made = [factories.community(street, code) for code in ("demo-a", "demo-b", "demo-c")]
    for community in made[:2]:
        for _ in range(2):
            grid = factories.grid(community)
            factories.building(grid)
            factories.building(grid)
    db.session.commit()
    return made


def test_list_communities_with_their_street(client, communities):
    response = client.get("/api/v1/communities")
    assert response.status_code == 200
    body = response.get_json()
    assert [c["code"] for c in body["items"]] == ["demo-a", "demo-b", "demo-c"]
    assert body["next_cursor"] is None
    first = body["items"][0]
    assert first["id"] == communities[0].id and first["name"] == communities[0].name
    assert first["street"] == {
        "id": communities[0].street_id,
        "code": "demo-street",
        "name": "测试街道",
        "district": "东湖区",
    }


def test_list_communities_pages_with_a_cursor(client, communities):
    first = client.get("/api/v1/communities?limit=2").get_json()
    assert [c["code"] for c in first["items"]] == ["demo-a", "demo-b"]
    second = client.get(
        "/api/v1/communities", query_string={"limit": 2, "cursor": first["next_cursor"]}
    ).get_json()
    assert [c["code"] for c in second["items"]] == ["demo-c"]
    assert second["next_cursor"] is None


@pytest.mark.parametrize(
    "query,field",
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "x"}, "limit"),
        ({"cursor": "not-issued"}, "cursor"),
    ],
)
def test_list_communities_rejects_bad_paging(client, communities, query, field):
    response = client.get("/api/v1/communities", query_string=query)
    assert field in assert_error(response, 422, "VALIDATION_ERROR")["details"]


def test_community_detail_has_grids_and_buildings(client, communities):
    community = communities[0]
    response = client.get(f"/api/v1/communities/{community.id}")
    assert response.status_code == 200
    body = response.get_json()
    assert body["code"] == "demo-a" and body["street"]["code"] == "demo-street"
    grid_ids = [g["id"] for g in body["grids"]]
    assert grid_ids == sorted(grid_ids) and len(grid_ids) == 2
    for grid in body["grids"]:
        assert len(grid["buildings"]) == 2
        assert set(grid["buildings"][0]) == {"id", "name", "address"}


def test_community_without_grids_has_an_empty_list(client, communities):
    body = client.get(f"/api/v1/communities/{communities[2].id}").get_json()
    assert body["grids"] == []


@pytest.mark.parametrize("path", ["/api/v1/communities/999999", "/api/v1/communities/abc"])
def test_unknown_community_is_404(client, communities, path):
    assert_error(client.get(path), 404, "NOT_FOUND")
