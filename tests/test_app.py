from tests.conftest import auth


def test_unknown_route_has_error_envelope(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "NOT_FOUND"


def test_world_fixture_builds_two_communities(world):
    assert world.a.community.id != world.b.community.id
    assert auth(world.a.staff)["Authorization"].startswith("Bearer ")
