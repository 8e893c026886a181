"""Staff keep their community's own 1+X items, mark them done for a member, and see every
member's progress in a table that costs a fixed number of queries."""

import pytest

from app.commitments.models import CommitmentItem, CommitmentMark
from tests.helpers.api import API, assert_error, auth, get_json, post
from tests.helpers.commitments import by_key, choose, complete_order, make_item
from tests.helpers.db import count_rows
from tests.helpers.factories import member
from tests.helpers.queries import queries_of_request

pytestmark = pytest.mark.usefixtures("frozen_clock")
ITEMS = "/staff/commitment-items"
TABLE = "/staff/commitments"


def test_staff_add_an_item_that_members_then_find_on_the_menu(client, world):
    body = {"community_id": world.a.community.id, "title": "楼道清洁", "target": 3}
    response = post(client, world.a.staff, ITEMS, body)
    assert response.status_code == 201, response.get_json()
    item = response.get_json()
    assert item["target"] == 3 and item["is_active"] is True
    menu = get_json(client, world.a.member, "/member/commitments/menu")
    assert menu["items"][-1]["item_id"] == item["id"]
    listed = get_json(client, world.a.staff, f"{ITEMS}?community_id={world.a.community.id}")
    assert [i["id"] for i in listed["items"]] == [item["id"]]
    assert_error(post(client, world.a.staff, ITEMS, body), 409, "CONFLICT")
    retired = post(client, world.a.staff, f"{ITEMS}/{item['id']}/active", {"active": False})
    assert retired.status_code == 200 and retired.get_json()["is_active"] is False
    menu = get_json(client, world.a.member, "/member/commitments/menu")
    assert all(i["item_id"] != item["id"] for i in menu["items"])


def test_items_of_another_community_are_404_and_bad_input_422(client, world):
    before = count_rows(CommitmentItem)
    body = {"community_id": world.b.community.id, "title": "楼道清洁"}
    assert_error(post(client, world.a.staff, ITEMS, body), 404, "NOT_FOUND")
    bad = {"community_id": world.a.community.id, "title": "", "target": 0}
    error = assert_error(post(client, world.a.staff, ITEMS, bad), 422, "VALIDATION_ERROR")
    assert set(error["details"]) == {"title", "target"}
    b_item = make_item(world.b)
    active = f"{ITEMS}/{b_item.id}/active"
    assert_error(post(client, world.a.staff, active, {"active": False}), 404, "NOT_FOUND")
    assert count_rows(CommitmentItem) == before + 1


def test_a_community_item_is_counted_from_staffs_marks(client, world):
    item = make_item(world.a, target=2)
    answer = choose(client, world.a.member, [], [item.id]).get_json()
    commitment = by_key(answer)[f"custom:{item.id}"]
    assert commitment["done"] == 0 and commitment["title"] == "楼道清洁"
    path = f"/staff/commitments/{commitment['id']}/marks"
    first = post(client, world.a.staff, path, {"note": "周六清扫 3 栋楼道"})
    assert first.status_code == 201, first.get_json()
    assert first.get_json()["done"] == 1 and first.get_json()["kept"] is False
    second = post(client, world.a.staff, path, {})
    assert second.get_json()["done"] == 2 and second.get_json()["kept"] is True


def test_standard_kinds_are_not_marked_by_hand_nor_another_communitys(client, world):
    answer = choose(client, world.a.member, ["volunteer"]).get_json()
    volunteer = by_key(answer)["volunteer"]["id"]
    path = f"/staff/commitments/{volunteer}/marks"
    assert_error(post(client, world.a.staff, path, {}), 409, "COMMITMENT_COUNTED")
    assert_error(post(client, world.b.staff, path, {"note": ""}), 404, "NOT_FOUND")
    assert count_rows(CommitmentMark) == 0


def test_the_progress_table_shows_every_member_with_their_commitments(client, world):
    a = world.a
    item = make_item(a)
    choose(client, a.member, ["volunteer", "wish"], [item.id])
    complete_order(client, a, world.item, a.member)
    table = get_json(client, a.staff, TABLE)
    assert table["year"] == 2026
    (row,) = table["items"]
    assert row["member_id"] == a.member.id and row["unit_name"] == a.unit_obj.name
    shown = {c["key"]: c["done"] for c in row["commitments"]}
    assert shown == {"activity": 0, "volunteer": 1, "wish": 0, f"custom:{item.id}": 0}
    assert row["kept"] == 1 and row["counted"] == 4
    assert get_json(client, world.b.staff, TABLE)["items"][0]["member_id"] == world.b.member.id


def test_the_progress_table_costs_the_same_for_one_member_or_many(client, world):
    a = world.a
    item = make_item(a)
    choose(client, a.member, ["volunteer", "pairing"], [item.id])
    headers = auth(a.staff)
    queries_of_request(client, API + TABLE, headers)  # the kept caller, built once
    one = queries_of_request(client, API + TABLE, headers)
    for _ in range(4):
        other = member(a.community)
        choose(client, other, ["volunteer", "pairing"], [item.id])
    queries_of_request(client, API + TABLE, headers)  # the writes dropped the kept caller
    assert queries_of_request(client, API + TABLE, headers) == one
    assert len(get_json(client, a.staff, TABLE)["items"]) == 5
