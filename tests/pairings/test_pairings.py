"""结对 over HTTP: a member pairs with a resident or an offline household, staff pair one of
their members, the member logs visits, both list them; permissions over two communities;
the counts for 1+X."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.orders.models import OfflineResident
from app.pairings.models import Pairing, PairingVisit
from app.pairings.queries import counts, pairing_counts
from tests.helpers.api import assert_error, get_json, item_ids, post
from tests.helpers.clock import utcnow
from tests.helpers.db import count_rows
from tests.helpers.permissions import Case, check, matrix

OFFLINE = {"name": "赵大娘", "phone": "13900001111", "address": "东湖区百花洲路3号1栋102"}
PHOTO = "https://img.example.com/visit.jpg"


def _pair(client, user, body):
    response = post(client, user, "/member/pairings", body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _visit(client, user, pairing_id, day="2026-11-28", note="陪老人聊天，检查了燃气灶"):
    body = {"date": day, "note": note, "photos": [PHOTO]}
    return post(client, user, f"/member/pairings/{pairing_id}/visits", body)


def test_a_member_pairs_with_an_offline_household_and_logs_visits(client, world):
    body = {**OFFLINE, "building_id": world.a.building.id}
    pairing = _pair(client, world.a.member, body)
    assert pairing["member_id"] == world.a.member.id
    assert (pairing["resident_name"], pairing["resident_phone"]) == ("赵大娘", "13900001111")
    assert (pairing["building_name"], pairing["visits"]) == (world.a.building.name, 0)
    assert count_rows(OfflineResident) == 1
    assert_error(post(client, world.a.member, "/member/pairings", body), 409, "PAIRING_EXISTS")

    assert _visit(client, world.a.member, pairing["id"]).status_code == 201
    second = _visit(client, world.a.member, pairing["id"], "2026-11-30", "送去了降压药")
    assert second.get_json()["date"] == "2026-11-30"
    visits = get_json(client, world.a.member, f"/member/pairings/{pairing['id']}/visits")
    assert [v["note"] for v in visits["items"]] == ["送去了降压药", "陪老人聊天，检查了燃气灶"]
    listed = get_json(client, world.a.member, "/member/pairings")["items"]
    assert (listed[0]["visits"], listed[0]["last_visit_on"]) == (2, "2026-11-30")
    staff_view = get_json(client, world.a.staff, f"/staff/pairings/{pairing['id']}/visits")
    assert len(staff_view["items"]) == 2
    assert item_ids(get_json(client, world.a.staff, "/staff/pairings")) == [pairing["id"]]


def test_a_member_pairs_with_a_resident_who_logs_in(client, world):
    body = {"resident_id": world.a.resident.id, "address": "东湖区1号"}
    pairing = _pair(client, world.a.member, body)
    assert pairing["resident_id"] == world.a.resident.id
    assert count_rows(OfflineResident) == 0


def test_staff_pair_one_of_their_members(client, world):
    body = {**OFFLINE, "member_id": world.a.member.id}
    response = post(client, world.a.staff, "/staff/pairings", body)
    assert response.status_code == 201, response.get_json()
    assert item_ids(get_json(client, world.a.member, "/member/pairings")) == [
        response.get_json()["id"]
    ]
    other = post(client, world.a.staff, "/staff/pairings", {**body, "member_id": world.b.member.id})
    assert "member_id" in assert_error(other, 422, "VALIDATION_ERROR")["details"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"address": "东湖区1号"}, "resident_id"),
        ({**OFFLINE, "phone": "12345"}, "phone"),
        ({**OFFLINE, "address": ""}, "address"),
        ({"resident_id": 999999, "address": "东湖区1号"}, "resident_id"),
        ({**OFFLINE, "building_id": 999999}, "building_id"),
    ],
)
def test_bad_pairings_write_nothing(client, world, body, field):
    response = post(client, world.a.member, "/member/pairings", body)
    assert field in assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert count_rows(Pairing) == 0 and count_rows(OfflineResident) == 0


def test_a_visit_in_the_future_or_badly_dated_is_refused(client, world):
    pairing = _pair(client, world.a.member, OFFLINE)
    for day in ("2026-12-31", "2026-13-01", "yesterday"):
        response = _visit(client, world.a.member, pairing["id"], day)
        assert "date" in assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert count_rows(PairingVisit) == 0


CASES = [
    Case("a.member", "post", "/member/pairings/{b}/visits", 404, body={"date": "2026-11-30"}),
    Case("a.member", "get", "/member/pairings/{b}/visits", 404),
    Case("a.staff", "get", "/staff/pairings/{b}/visits", 404),
    Case("a.resident", "post", "/member/pairings", 403, body=OFFLINE),
    Case("a.resident", "get", "/staff/pairings", 403),
    Case("a.member", "post", "/staff/pairings", 403, body={**OFFLINE, "member_id": 1}),
    *(
        Case(who, method, path, 401, body=body)
        for who in ("anonymous", "forged token")
        for method, path, body in [
            ("post", "/member/pairings", OFFLINE),
            ("get", "/member/pairings", None),
            ("post", "/member/pairings/{b}/visits", {"date": "2026-11-30", "note": "好"}),
            ("get", "/staff/pairings", None),
            ("post", "/staff/pairings", OFFLINE),
        ]
    ),
]


@matrix(CASES)
def test_who_may_call_what(client, world, case):
    pairing = _pair(client, world.b.member, OFFLINE)
    check(client, world, case, b=pairing["id"])
    assert count_rows(PairingVisit) == 0 and count_rows(Pairing) == 1
    assert get_json(client, world.a.staff, "/staff/pairings")["items"] == []


def test_counts_are_the_visits_and_pairings_of_each_member(client, world):
    first = _pair(client, world.a.member, OFFLINE)
    _pair(client, world.a.member, {**OFFLINE, "phone": "13900002222"})
    _visit(client, world.a.member, first["id"])
    _visit(client, world.a.member, first["id"])
    now = utcnow()
    ids = {world.a.member.id, world.b.member.id}
    window = (now - timedelta(days=1), now + timedelta(days=1))
    assert counts(ids, *window) == {world.a.member.id: 2}
    assert pairing_counts(ids, *window) == {world.a.member.id: 2}
    assert counts(ids, now + timedelta(days=1), now + timedelta(days=2)) == {}
