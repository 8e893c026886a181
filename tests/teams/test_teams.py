"""Staff keep their community's service teams; anyone, without a token, reads the team
pages, which never show a phone."""

from __future__ import annotations

from app.extensions import db
from tests.helpers import factories
from tests.helpers.api import API, assert_error, call, get_json, item_ids, post
from tests.helpers.teams import member_ids_of, team, team_body, team_count


def patch(client, user, path, body):
    return call(client, user, "patch", path, body)


def test_staff_create_a_team_with_leader_members_and_categories(client, world):
    other = factories.member(world.a.community)
    db.session.commit()
    body = team_body(
        world.a.community,
        description="夜间巡逻，守护平安",
        leader_id=world.a.member.id,
        member_ids=[other.id, other.id],
        category_ids=[world.item.category_id],
    )
    created = post(client, world.a.staff, "/staff/teams", body)
    assert created.status_code == 201, created.get_json()
    shown = created.get_json()
    assert shown["kind_label"] == "治安巡逻" and shown["is_active"] is True
    assert shown["leader"]["id"] == world.a.member.id
    assert [m["id"] for m in shown["members"]] == [world.a.member.id, other.id]  # leader first
    assert shown["member_count"] == 2
    assert [c["id"] for c in shown["categories"]] == [world.item.category_id]
    assert "phone" in shown["leader"]


def test_the_public_pages_need_no_token_and_show_no_phone(client, world):
    squad = team(world.a.community, [world.a.member])
    listed = client.get(f"{API}/communities/{world.a.community.id}/teams")
    assert listed.status_code == 200
    assert item_ids(listed.get_json()) == [squad.id]
    page = client.get(f"{API}/teams/{squad.id}").get_json()
    assert page["name"] == "水电维修队" and page["leader"]["name"]
    assert "phone" not in page["leader"] and all("phone" not in m for m in page["members"])
    assert "phone" not in str(listed.get_json())
    assert client.get(f"{API}/communities/999999/teams").status_code == 404
    assert client.get(f"{API}/communities/{world.b.community.id}/teams").get_json()["items"] == []


def test_a_disbanded_team_leaves_the_public_pages(client, world):
    squad = team(world.a.community, [world.a.member])
    gone = patch(client, world.a.staff, f"/staff/teams/{squad.id}", {"is_active": False})
    assert gone.status_code == 200 and gone.get_json()["is_active"] is False
    assert client.get(f"{API}/teams/{squad.id}").status_code == 404
    assert client.get(f"{API}/communities/{world.a.community.id}/teams").get_json()["items"] == []
    staff_list = get_json(client, world.a.staff, "/staff/teams")
    assert item_ids(staff_list) == [squad.id]


def test_patch_replaces_the_members_and_keeps_the_leader_in(client, world):
    first, second = (factories.member(world.a.community) for _ in range(2))
    db.session.commit()
    squad = team(world.a.community, [world.a.member, first])
    changed = patch(client, world.a.staff, f"/staff/teams/{squad.id}", {"member_ids": [second.id]})
    assert changed.status_code == 200, changed.get_json()
    assert member_ids_of(squad.id) == sorted([world.a.member.id, second.id])
    led = patch(client, world.a.staff, f"/staff/teams/{squad.id}", {"leader_id": first.id})
    assert led.get_json()["leader"]["id"] == first.id
    assert first.id in member_ids_of(squad.id)
    renamed = patch(client, world.a.staff, f"/staff/teams/{squad.id}", {"name": "便民服务队"})
    assert renamed.get_json()["name"] == "便民服务队"
    assert member_ids_of(squad.id) == sorted([world.a.member.id, first.id, second.id])


def test_only_approved_members_of_the_community_join_and_nothing_is_written(client, world):
    refused = [
        team_body(world.a.community, member_ids=[world.b.member.id]),
        team_body(world.a.community, member_ids=[world.a.resident.id]),
        team_body(world.a.community, leader_id=world.b.member.id),
        team_body(world.a.community, category_ids=[999999]),
        team_body(world.a.community, kind="sports"),
        team_body(world.a.community, name=""),
        {"name": "队", "kind": "patrol"},
    ]
    for body in refused:
        assert_error(post(client, world.a.staff, "/staff/teams", body), 422, "VALIDATION_ERROR")
    assert team_count() == 0
    squad = team(world.a.community, [world.a.member])
    response = patch(
        client, world.a.staff, f"/staff/teams/{squad.id}", {"member_ids": [world.b.member.id]}
    )
    assert "member_ids" in assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert member_ids_of(squad.id) == [world.a.member.id]


def test_a_name_twice_in_one_community_is_409(client, world):
    assert (
        post(client, world.a.staff, "/staff/teams", team_body(world.a.community)).status_code == 201
    )
    again = post(client, world.a.staff, "/staff/teams", team_body(world.a.community))
    assert "name" in assert_error(again, 409, "TEAM_NAME_TAKEN")["details"]
    assert (
        post(client, world.b.staff, "/staff/teams", team_body(world.b.community)).status_code == 201
    )
    assert team_count() == 2


def test_the_street_admin_sees_every_community_and_filters_one(client, world):
    a = team(world.a.community, [world.a.member])
    b = team(world.b.community, [world.b.member])
    assert item_ids(get_json(client, world.street_admin, "/staff/teams")) == [a.id, b.id]
    only_b = get_json(
        client, world.street_admin, f"/staff/teams?community_id={world.b.community.id}"
    )
    assert item_ids(only_b) == [b.id]
    assert item_ids(get_json(client, world.a.staff, "/staff/teams")) == [a.id]
