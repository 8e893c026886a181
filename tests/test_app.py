from tests.helpers.api import assert_error, auth, get


def test_unknown_route_has_error_envelope(client):
    assert_error(client.get("/api/v1/no-such-thing"), 404, "NOT_FOUND")


def test_world_fixture_builds_two_communities(world):
    assert world.a.community.id != world.b.community.id
    assert auth(world.a.staff)["Authorization"].startswith("Bearer ")


def test_id_beyond_32_bits_is_not_found_not_a_database_error(client, world):
    assert_error(get(client, world.a.resident, "/orders/99999999999"), 404, "NOT_FOUND")


def test_wrong_method_has_error_envelope(client):
    assert_error(client.delete("/api/v1/catalog"), 405, "METHOD_NOT_ALLOWED")
