"""Who may call the units' endpoints, over two communities and two units: a unit account is
no staff (403 on every staff call), staff reach only their communities' units (404)."""

from app.units.models import CoBuildingUnit
from tests.helpers.db import count_rows, fresh
from tests.helpers.members import REGISTRATION, STAFF_MEMBERS, registration
from tests.helpers.permissions import Case, check, matrix
from tests.helpers.units import STAFF_UNITS, unit_body

ONE = STAFF_UNITS + "/{unit}"


def a_unit_body(world):
    return unit_body([world.a.community.id], name="新单位")


STAFF_CALLS = [
    ("get", ONE, None),
    ("put", ONE, a_unit_body),
    ("post", f"{ONE}/accounts", {"username": "new-unit", "password": "unit-pass-123"}),
]
CASES = [
    # B's staff do not reach A's unit, even with a bad body
    *[Case("b.staff", method, path, 404, body=body) for method, path, body in STAFF_CALLS],
    Case("b.staff", "put", ONE, 404, body={"name": ""}),
    Case("b.staff", "put", f"{STAFF_MEMBERS}/{{registration}}/unit", 404, body={"unit_id": "x"}),
    # unit accounts, members and residents: no staff call at all
    *[
        Case(who, method, path, 403, body=body)
        for who in ("a.unit", "b.unit", "a.member", "a.resident")
        for method, path, body in [
            *STAFF_CALLS,
            ("get", STAFF_UNITS, None),
            ("post", STAFF_UNITS, a_unit_body),
            ("put", f"{STAFF_MEMBERS}/{{registration}}/unit", {"unit_id": None}),
            ("get", STAFF_MEMBERS, None),
            ("get", "/staff/orders", None),
            ("get", "/staff/commitments", None),
        ]
    ],
    # a unit account neither registers nor serves as a member
    *[
        Case("a.unit", method, path, 403)
        for method, path in [
            ("post", REGISTRATION),
            ("get", "/member/pool"),
            ("get", "/member/points"),
            ("get", "/member/commitments"),
        ]
    ],
    # no token, or a bad one
    *[
        Case(who, method, path, 401, body=body)
        for who in ("anonymous", "forged token", "basic auth")
        for method, path, body in [*STAFF_CALLS, ("get", "/units?community_id=1", None)]
    ],
]


@matrix(CASES)
def test_who_may_call_the_units_endpoints(client, world, case):
    profile = registration(world.a.community)
    before = count_rows(CoBuildingUnit)
    check(client, world, case, unit=world.a.unit_obj.id, registration=profile.id)
    assert count_rows(CoBuildingUnit) == before
    assert fresh(world.a.unit_obj).name != "新单位"
    assert fresh(profile).unit_id is None
