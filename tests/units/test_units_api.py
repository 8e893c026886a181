"""Staff keep their communities' co-building units over HTTP; residents read a community's
units for the registration form."""

from app.extensions import db
from app.units.models import CoBuildingUnit
from tests.helpers.api import assert_error, call, get, get_json, item_ids, post
from tests.helpers.db import count_rows, fresh
from tests.helpers.units import STAFF_UNITS, make_unit, unit_body


def test_staff_create_a_unit_paired_with_their_community(client, world):
    response = post(client, world.a.staff, STAFF_UNITS, unit_body([world.a.community.id]))
    assert response.status_code == 201, response.get_json()
    unit = response.get_json()
    assert unit["name"] == "南昌市东湖区民政局" and unit["kind_label"] == "机关"
    assert unit["community_ids"] == [world.a.community.id]
    assert unit["contact_phone"] == "13912345678"
    listed = get_json(client, world.a.staff, STAFF_UNITS)
    assert unit["id"] in item_ids(listed)
    assert unit["id"] not in item_ids(get_json(client, world.b.staff, STAFF_UNITS))


def test_a_community_has_several_units_and_a_unit_several_communities(client, world):
    five = [make_unit(world.a.community) for _ in range(5)]
    shared = make_unit(world.a.community, world.b.community)
    db.session.commit()
    a_units = get_json(client, world.a.resident, f"/units?community_id={world.a.community.id}")
    assert item_ids(a_units) == sorted([world.a.unit_obj.id, *(u.id for u in five), shared.id])
    assert set(a_units["items"][0]) == {"id", "name", "kind", "kind_label"}
    b_units = get_json(client, world.b.member, f"/units?community_id={world.b.community.id}")
    assert item_ids(b_units) == [world.b.unit_obj.id, shared.id]


def test_units_of_a_community_that_does_not_exist_are_404(client, world):
    assert_error(get(client, world.a.resident, "/units?community_id=99999"), 404, "NOT_FOUND")
    assert_error(get(client, world.a.resident, "/units"), 422, "VALIDATION_ERROR")
    assert_error(
        get(client, None, f"/units?community_id={world.a.community.id}"), 401, "UNAUTHORIZED"
    )


def test_editing_keeps_the_pairings_of_communities_the_staff_do_not_manage(client, world):
    shared = make_unit(world.a.community, world.b.community)
    db.session.commit()
    body = unit_body([world.a.community.id], name="改名后的单位", kind="new_organisation")
    response = call(client, world.a.staff, "put", f"{STAFF_UNITS}/{shared.id}", body)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["kind_label"] == "两新组织"
    assert fresh(shared).community_ids == [world.a.community.id, world.b.community.id]
    assert fresh(shared).name == "改名后的单位"


def test_a_unit_name_is_unique(client, world):
    body = unit_body([world.a.community.id], name=world.b.unit_obj.name)
    before = count_rows(CoBuildingUnit)
    assert_error(post(client, world.a.staff, STAFF_UNITS, body), 409, "UNIT_NAME_TAKEN")
    assert count_rows(CoBuildingUnit) == before


def test_bad_unit_input_is_422_and_writes_nothing(client, world):
    before = count_rows(CoBuildingUnit)
    for bad in (
        {"kind": "club"},
        {"contact_phone": "12345"},
        {"name": ""},
        {"community_ids": []},
        {"community_ids": ["x"]},
    ):
        body = {**unit_body([world.a.community.id]), **bad}
        error = assert_error(
            post(client, world.a.staff, STAFF_UNITS, body), 422, "VALIDATION_ERROR"
        )
        assert set(error["details"]) == set(bad), error
    assert count_rows(CoBuildingUnit) == before


def test_pairing_with_another_community_is_404_and_writes_nothing(client, world):
    before = count_rows(CoBuildingUnit)
    body = unit_body([world.a.community.id, world.b.community.id])
    assert_error(post(client, world.a.staff, STAFF_UNITS, body), 404, "NOT_FOUND")
    edit = unit_body([world.b.community.id])
    response = call(client, world.a.staff, "put", f"{STAFF_UNITS}/{world.a.unit_obj.id}", edit)
    assert_error(response, 404, "NOT_FOUND")
    assert count_rows(CoBuildingUnit) == before
    assert fresh(world.a.unit_obj).community_ids == [world.a.community.id]


def test_the_street_admin_manages_the_units_of_every_community(client, world):
    listed = get_json(client, world.street_admin, STAFF_UNITS)
    assert item_ids(listed) == [world.a.unit_obj.id, world.b.unit_obj.id]
    only_b = get_json(
        client, world.street_admin, f"{STAFF_UNITS}?community_id={world.b.community.id}"
    )
    assert item_ids(only_b) == [world.b.unit_obj.id]
    body = unit_body([world.a.community.id, world.b.community.id], name="江西省机关事务管理局")
    response = post(client, world.street_admin, STAFF_UNITS, body)
    assert response.status_code == 201
    assert response.get_json()["community_ids"] == [world.a.community.id, world.b.community.id]
