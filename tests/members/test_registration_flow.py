"""Registration (报到) end to end: submit, review, become a member, resubmit after rejection."""
from app.extensions import db
from app.members.models import RegistrationStatus
from tests.helpers.api import auth
from tests.members.helpers import (REGISTRATION_URL, STAFF_URL, fresh, member_role_count,
                                   profile_count, registration, registration_body, role_names,
                                   submit)

POINTS_URL = "/api/v1/member/points"


def test_register_list_approve_makes_a_member(client, world):
    resident, staff = world.a.resident, world.a.staff
    assert client.get(POINTS_URL, headers=auth(resident)).status_code == 403

    response = submit(client, resident, registration_body(world.a.community))
    assert response.status_code == 201
    created = response.get_json()
    assert created["user_id"] == resident.id
    assert created["status"] == "pending"
    assert created["community_id"] == world.a.community.id
    assert (created["name"], created["unit_name"], created["letter_no"]) == (
        "张三", "南昌市东湖区机关事务局", "DH-2026_0001")
    assert created["skills"] == ["水电维修", "法律咨询"]
    assert created["phone"] == "13812345678"
    assert created["created_at"] and created["reviewed_at"] is None

    pending = client.get(f"{STAFF_URL}?status=pending", headers=auth(staff)).get_json()
    assert [item["id"] for item in pending["items"]] == [created["id"]]
    assert pending["next_cursor"] is None

    response = client.post(f"{STAFF_URL}/{created['id']}/approve", headers=auth(staff))
    assert response.status_code == 200
    approved = response.get_json()
    assert approved["status"] == "approved"
    assert approved["reviewed_by_id"] == staff.id and approved["reviewed_at"]

    assert role_names(resident.id) == {"resident", "member"}
    assert member_role_count(resident.id) == 1
    member_role = fresh(resident).role("member")
    assert member_role.community_id == world.a.community.id

    response = client.get(POINTS_URL, headers=auth(resident))
    assert response.status_code == 200
    assert response.get_json() == {"balance": 0, "items": [], "next_cursor": None}
    mine = client.get(REGISTRATION_URL, headers=auth(resident)).get_json()
    assert mine["status"] == "approved"
    assert client.get(f"{STAFF_URL}?status=pending", headers=auth(staff)).get_json()["items"] == []


def test_reject_with_reason_then_resubmit_in_place(client, world):
    resident, staff = world.a.resident, world.a.staff
    registration_id = submit(client, resident, registration_body(world.a.community)).get_json()["id"]

    response = client.post(f"{STAFF_URL}/{registration_id}/reject",
                           json={"reason": "  介绍信编号与单位不符  "}, headers=auth(staff))
    assert response.status_code == 200
    rejected = response.get_json()
    assert rejected["status"] == "rejected"
    assert rejected["reject_reason"] == "介绍信编号与单位不符"
    assert rejected["reviewed_by_id"] == staff.id
    assert client.get(REGISTRATION_URL, headers=auth(resident)).get_json()["status"] == "rejected"
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
    pending = client.get(f"{STAFF_URL}?status=pending", headers=auth(staff)).get_json()
    assert [item["id"] for item in pending["items"]] == [registration_id]


def test_resubmission_may_move_to_another_community(client, world):
    rejected = registration(world.a.community, world.a.resident, RegistrationStatus.REJECTED)
    db.session.commit()
    response = submit(client, world.a.resident, registration_body(world.b.community))
    assert response.status_code == 201
    assert response.get_json()["community_id"] == world.b.community.id
    assert fresh(rejected).community_id == world.b.community.id
    assert fresh(rejected).status == RegistrationStatus.PENDING


def test_second_registration_is_409_and_changes_nothing(client, world):
    resident = world.a.resident
    first = submit(client, resident, registration_body(world.a.community)).get_json()

    response = submit(client, resident, registration_body(world.b.community, name="王五"))
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "REGISTRATION_EXISTS"
    assert profile_count(resident.id) == 1
    mine = client.get(REGISTRATION_URL, headers=auth(resident)).get_json()
    assert (mine["name"], mine["community_id"]) == (first["name"], world.a.community.id)


def test_an_approved_member_cannot_register_again(client, world):
    response = submit(client, world.a.member, registration_body(world.b.community))
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "REGISTRATION_EXISTS"
    assert profile_count(world.a.member.id) == 1


def test_approve_twice_is_409_and_one_member_role(client, world):
    resident, staff = world.a.resident, world.a.staff
    registration_id = submit(client, resident, registration_body(world.a.community)).get_json()["id"]
    url = f"{STAFF_URL}/{registration_id}"
    assert client.post(f"{url}/approve", headers=auth(staff)).status_code == 200

    response = client.post(f"{url}/approve", headers=auth(staff))
    assert response.status_code == 409
    assert response.get_json()["error"]["code"] == "REGISTRATION_STATE_CONFLICT"
    response = client.post(f"{url}/reject", json={"reason": "重复"}, headers=auth(staff))
    assert response.status_code == 409
    assert member_role_count(resident.id) == 1
    assert client.get(url, headers=auth(staff)).get_json()["status"] == "approved"


def test_a_rejected_registration_cannot_be_approved_or_rejected_again(client, world):
    staff = world.a.staff
    rejected = registration(world.a.community, status=RegistrationStatus.REJECTED)
    registration_id, user_id = rejected.id, rejected.user_id
    db.session.commit()
    url = f"{STAFF_URL}/{registration_id}"
    assert client.post(f"{url}/approve", headers=auth(staff)).status_code == 409
    assert client.post(f"{url}/reject", json={"reason": "再次驳回"},
                       headers=auth(staff)).status_code == 409
    assert client.get(url, headers=auth(staff)).get_json()["reviewed_by_id"] is None
    assert "member" not in role_names(user_id)


def test_own_registration_is_404_before_submitting(client, world):
    response = client.get(REGISTRATION_URL, headers=auth(world.a.resident))
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "NOT_FOUND"


def test_staff_reads_one_registration(client, world):
    obj = registration(world.a.community)
    db.session.commit()
    response = client.get(f"{STAFF_URL}/{obj.id}", headers=auth(world.a.staff))
    assert response.status_code == 200
    body = response.get_json()
    assert (body["id"], body["user_id"], body["status"]) == (obj.id, obj.user_id, "pending")
    assert client.get(f"{STAFF_URL}/999999", headers=auth(world.a.staff)).status_code == 404
    assert client.get(f"{STAFF_URL}/{10**30}", headers=auth(world.a.staff)).status_code == 404
