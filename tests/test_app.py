from tests.helpers.api import auth


def test_unknown_route_has_error_envelope(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "NOT_FOUND"


def test_world_fixture_builds_two_communities(world):
    assert world.a.community.id != world.b.community.id
    assert auth(world.a.staff)["Authorization"].startswith("Bearer ")


def test_id_beyond_32_bits_is_not_found_not_a_database_error(client, world):
    response = client.get("/api/v1/orders/99999999999", headers=auth(world.a.resident))
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "NOT_FOUND"


def test_wrong_method_has_error_envelope(client):
    response = client.delete("/api/v1/catalog")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "METHOD_NOT_ALLOWED"
