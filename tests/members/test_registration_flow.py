"""Registration (报到) end to end: submit, review, become a member, resubmit after rejection."""

from app.members.models import RegistrationStatus
from tests.helpers.api import assert_error, get, item_ids, post
from tests.helpers.db import fresh
from tests.helpers.members import (
    POINTS,
    REGISTRATION,
    STAFF_MEMBERS,
    member_role_count,
    profile_count,
    registration,
    registration_body,
    role_names,
)
from tests.helpers.members import submit_registration as submit


def test_register_list_approve_makes_a_member(client, world):
    resident, staff = world.a.resident, world.a.staff
    assert_error(get(client, resident, POINTS), 403, "FORBIDDEN")

    response = submit(client, resident, registration_body(world.a.community))
    assert response.status_code == 201
    created = response.get_json()
    assert created["user_id"] == resident.id
    assert created["status"] == "pending"
    assert created["community_id"] == world.a.community.id
    assert (created["name"], created["unit_name"], created["letter_no"]) == (
        "张三",
        "南昌市东湖区机关事务局",
        "DH-2026_0001",
    )
    assert created["skills"] == ["水电维修", "法律咨询"]
    assert created["phone"] == "13812345678"
    assert created["created_at"] and created["reviewed_at"] is None

    pending = get(client, staff, f"{STAFF_MEMBERS}?status=pending").get_json()
    assert item_ids(pending) == [created["id"]]
    assert pending["next_cursor"] is None

    response = post(client, staff, f"{STAFF_MEMBERS}/{created['id']}/approve")
    assert response.status_code == 200
    approved = response.get_json()
    assert approved["status"] == "approved"
    assert approved["reviewed_by_id"] == staff.id and approved["reviewed_at"]

    assert role_names(resident.id) == {"resident", "member"}
    assert member_role_count(resident.id) == 1
    member_role = fresh(resident).role("member")
    assert member_role.community_id == world.a.community.id

    response = get(client, resident, POINTS)
    assert response.status_code == 200
    assert response.get_json() == {"balance": 0, "items": [], "next_cursor": None}
    assert get(client, resident, REGISTRATION).get_json()["status"] == "approved"
    assert get(client, staff, f"{STAFF_MEMBERS}?status=pending").get_json()["items"] == []


def test_reject_with_reason_then_resubmit_in_place(client, world):
    resident, staff = world.a.resident, world.a.staff
    registration_id = submit(client, resident, registration_body(world.a.community)).get_json()[
        "id"
    ]

    response = post(
        client,
        staff,
        f"{STAFF_MEMBERS}/{registration_id}/reject",
        {"reason": "  介绍信编号与单位不符  "},
    )
    assert response.status_code == 200
    rejected = response.get_json()
    assert rejected["status"] == "rejected"
    assert rejected["reject_reason"] == "介绍信编号与单位不符"
    assert rejected["reviewed_by_id"] == staff.id
    assert get(client, resident, REGISTRATION).get_json()["status"] == "rejected"
    assert "member" not in role_names(resident.id)

    body = registration_body(world.a.community, letter_no="DH-2026-0099", skills=[])
    del body["phone"]
    response = submit(client, resident, body)
    assert response.status_code == 201
    again = response.get_json()
    assert again["id"] == registration_id
    assert again["status"] == "pending"
    assert again["letter_no"] == "DH-2026-0099"
    assert again["skills"] == [] and again["phone"] is None
    assert again["reject_reason"] is None and again["reviewed_by_id"] is None
    assert profile_count(resident.id) == 1
    pending = get(client, staff, f"{STAFF_MEMBERS}?status=pending").get_json()
    assert item_ids(pending) == [registration_id]


def test_resubmission_may_move_to_another_community(client, world):
    rejected = registration(
        world.a.community, status=RegistrationStatus.REJECTED, user=world.a.resident
    )
    response = submit(client, world.a.resident, registration_body(world.b.community))
    assert response.status_code == 201
    assert response.get_json()["community_id"] == world.b.community.id
    assert fresh(rejected).community_id == world.b.community.id
    assert fresh(rejected).status == RegistrationStatus.PENDING


def test_second_registration_is_409_and_changes_nothing(client, world):
    resident = world.a.resident
    first = submit(client, resident, registration_body(world.a.community)).get_json()

    response = submit(client, resident, registration_body(world.b.community, name="王五"))
    assert_error(response, 409, "REGISTRATION_EXISTS")
    assert profile_count(resident.id) == 1
    mine = get(client, resident, REGISTRATION).get_json()
    assert (mine["name"], mine["community_id"]) == (first["name"], world.a.community.id)


def test_an_approved_member_cannot_register_again(client, world):
    response = submit(client, world.a.member, registration_body(world.b.community))
    assert_error(response, 409, "REGISTRATION_EXISTS")
    assert profile_count(world.a.member.id) == 1


def test_approve_twice_is_409_and_one_member_role(client, world):
    resident, staff = world.a.resident, world.a.staff
    registration_id = submit(client, resident, registration_body(world.a.community)).get_json()[
        "id"
    ]
    path = f"{STAFF_MEMBERS}/{registration_id}"
    assert post(client, staff, f"{path}/approve").status_code == 200

    assert_error(post(client, staff, f"{path}/approve"), 409, "REGISTRATION_STATE_CONFLICT")
    assert_error(
        post(client, staff, f"{path}/reject", {"reason": "重复"}),
        409,
        "REGISTRATION_STATE_CONFLICT",
    )
    assert member_role_count(resident.id) == 1
    assert get(client, staff, path).get_json()["status"] == "approved"


def test_a_rejected_registration_cannot_be_approved_or_rejected_again(client, world):
    staff = world.a.staff
    rejected = registration(world.a.community, status=RegistrationStatus.REJECTED)
    path = f"{STAFF_MEMBERS}/{rejected.id}"
    assert_error(post(client, staff, f"{path}/approve"), 409, "REGISTRATION_STATE_CONFLICT")
    assert_error(
        post(client, staff, f"{path}/reject", {"reason": "再次驳回"}),
        409,
        "REGISTRATION_STATE_CONFLICT",
    )
    assert get(client, staff, path).get_json()["reviewed_by_id"] is None
    assert "member" not in role_names(rejected.user_id)


def test_own_registration_is_404_before_submitting(client, world):
    assert_error(get(client, world.a.resident, REGISTRATION), 404, "NOT_FOUND")


def test_staff_reads_one_registration(client, world):
    obj = registration(world.a.community)
    response = get(client, world.a.staff, f"{STAFF_MEMBERS}/{obj.id}")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["id"], body["user_id"], body["status"]) == (obj.id, obj.user_id, "pending")
    for missing in (999999, 10**30):
        assert_error(get(client, world.a.staff, f"{STAFF_MEMBERS}/{missing}"), 404, "NOT_FOUND")
