"""Members and their units: a registration names a unit paired with its community, staff bind
an existing member to one, and a unit's accounts sign in like staff."""

from sqlalchemy import select

from app.accounts.models import Role
from app.extensions import db
from app.members.models import MemberProfile
from app.org.models import Community
from app.seed.demo import load_demo
from app.seed.people_data import DEMO_PASSWORD
from app.units.models import UnitAccount
from tests.helpers import factories
from tests.helpers.api import API, assert_error, call, get_json, post, staff_login
from tests.helpers.db import count_rows, fresh
from tests.helpers.factories import STAFF_PASSWORD
from tests.helpers.members import REGISTRATION, registration, registration_body
from tests.helpers.units import STAFF_UNITS, make_unit


def test_a_registration_names_a_unit_paired_with_its_community(client, world):
    body = registration_body(world.a.community, unit_id=world.a.unit_obj.id, unit_name="随便写")
    response = post(client, world.a.resident, REGISTRATION, body)
    assert response.status_code == 201, response.get_json()
    answer = response.get_json()
    assert answer["unit_id"] == world.a.unit_obj.id
    assert answer["unit_name"] == world.a.unit_obj.name  # the unit's own name
    assert answer["status"] == "pending"


def test_a_registration_without_a_unit_keeps_its_free_text(client, world):
    response = post(client, world.a.resident, REGISTRATION, registration_body(world.a.community))
    assert response.status_code == 201
    assert response.get_json()["unit_id"] is None
    assert response.get_json()["unit_name"] == "南昌市东湖区机关事务局"


def test_a_unit_not_paired_with_the_community_is_422_and_writes_nothing(client, world):
    unpaired = make_unit()
    db.session.commit()
    for unit_id in (world.b.unit_obj.id, unpaired.id, 99999):
        body = registration_body(world.a.community, unit_id=unit_id)
        error = assert_error(
            post(client, world.a.resident, REGISTRATION, body), 422, "VALIDATION_ERROR"
        )
        assert set(error["details"]) == {"unit_id"}
    assert count_rows(MemberProfile, MemberProfile.user_id == world.a.resident.id) == 0


def test_the_contract_still_requires_unit_name(client, world):
    body = registration_body(world.a.community, unit_id=world.a.unit_obj.id)
    del body["unit_name"]
    error = assert_error(
        post(client, world.a.resident, REGISTRATION, body), 422, "VALIDATION_ERROR"
    )
    assert set(error["details"]) == {"unit_name"}


def _bind(client, who, registration_id, unit_id):
    return call(client, who, "put", f"/staff/members/{registration_id}/unit", {"unit_id": unit_id})


def test_staff_bind_a_member_to_a_unit_of_their_community_and_unbind(client, world):
    profile = registration(world.a.community)
    other = make_unit(world.a.community, name="南昌市东湖区教育体育局")
    db.session.commit()
    response = _bind(client, world.a.staff, profile.id, other.id)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["unit_id"] == other.id
    assert response.get_json()["unit_name"] == "南昌市东湖区教育体育局"
    response = _bind(client, world.a.staff, profile.id, None)
    assert response.status_code == 200 and response.get_json()["unit_id"] is None


def test_binding_to_another_communitys_unit_is_404_and_to_an_unpaired_one_422(client, world):
    profile = registration(world.a.community)
    assert_error(_bind(client, world.a.staff, profile.id, world.b.unit_obj.id), 404, "NOT_FOUND")
    assert_error(_bind(client, world.a.staff, profile.id, 99999), 404, "NOT_FOUND")
    # the street admin reaches B's unit, which is still not paired with A's community
    error = assert_error(
        _bind(client, world.street_admin, profile.id, world.b.unit_obj.id), 422, "VALIDATION_ERROR"
    )
    assert set(error["details"]) == {"unit_id"}
    # another community's registration: 404 before the body is read
    assert_error(_bind(client, world.b.staff, profile.id, "bad"), 404, "NOT_FOUND")
    assert fresh(profile).unit_id is None


def test_staff_open_a_unit_account_that_signs_in_and_is_no_staff(client, world):
    body = {"username": "donghu-minzheng", "password": "unit-pass-123"}
    response = post(client, world.a.staff, f"{STAFF_UNITS}/{world.a.unit_obj.id}/accounts", body)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["roles"] == ["unit"] and "password" not in response.get_json()
    login = client.post(f"{API}/auth/staff", json=body)
    assert login.status_code == 200
    token = login.get_json()["token"]
    me = client.get(f"{API}/me", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert me["roles"] == ["unit"] and me["staff"] is None
    staff_list = client.get(f"{API}/staff/members", headers={"Authorization": f"Bearer {token}"})
    assert_error(staff_list, 403, "FORBIDDEN")


def test_a_unit_account_needs_a_valid_username_and_password_and_a_free_name(client, world):
    path = f"{STAFF_UNITS}/{world.a.unit_obj.id}/accounts"
    before = count_rows(UnitAccount)
    error = assert_error(
        post(client, world.a.staff, path, {"username": "x", "password": "short"}),
        422,
        "VALIDATION_ERROR",
    )
    assert set(error["details"]) == {"username", "password"}
    taken = {"username": world.a.unit.username, "password": "unit-pass-123"}
    assert_error(post(client, world.a.staff, path, taken), 409, "CONFLICT")
    other = f"{STAFF_UNITS}/{world.b.unit_obj.id}/accounts"
    assert_error(post(client, world.a.staff, other, {"username": 1}), 404, "NOT_FOUND")
    assert count_rows(UnitAccount) == before


def _create_account(app, *args):
    return app.test_cli_runner().invoke(args=["unit", "create-account", *args])


def test_the_unit_create_account_command(app, world):
    unit_id = str(world.a.unit_obj.id)
    result = _create_account(app, "unit-cli", "--password", STAFF_PASSWORD, "--unit", unit_id)
    assert result.exit_code == 0, result.output
    assert world.a.unit_obj.name in result.output
    assert staff_login(app.test_client(), "unit-cli").status_code == 200
    missing = _create_account(app, "unit-x", "--password", STAFF_PASSWORD, "--unit", "99999")
    assert missing.exit_code != 0 and "找不到" in missing.output


def test_roles_of_a_unit_account(client, world):
    assert get_json(client, world.a.unit, "/me")["roles"] == [Role.UNIT.value]


def test_the_demo_pairs_five_units_with_each_community_and_binds_its_members(app, client):
    load_demo(echo=lambda *args: None)
    again = load_demo(echo=lambda *args: None)
    assert sum(again.created.values()) == 0  # idempotent
    resident = factories.resident()
    db.session.commit()
    for code in ("demo-a", "demo-b"):
        community = db.session.scalar(select(Community).where(Community.code == code))
        assert len(get_json(client, resident, f"/units?community_id={community.id}")["items"]) == 5
    assert count_rows(MemberProfile, MemberProfile.unit_id.is_not(None)) >= 5
    assert staff_login(client, "demo-unit", DEMO_PASSWORD).status_code == 200
