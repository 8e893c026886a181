"""内部备注 (internal notes) through the staff API, and what the resident and the member see
of the timeline: no staff id and no staff-only text."""

import pytest

from app.orders.models import OrderNote
from app.orders.models import OrderStatus as S
from tests.helpers.api import API, assert_error, auth, get_json, item_ids, pages, post
from tests.helpers.db import count_rows
from tests.helpers.orders import add_event, seeded_order

NOTE = "居民家中有独居老人，\n上门前先电话联系"


def add_note(client, user, order_id, body=NOTE):
    return post(client, user, f"/staff/orders/{order_id}/notes", {"body": body})


def test_add_and_list_notes(client, world):
    order = seeded_order(world.a, world.item, S.ACCEPTED)
    response = add_note(client, world.a.staff, order.id)
    assert response.status_code == 201, response.get_json()
    note = response.get_json()
    assert {k: note[k] for k in ("order_id", "author_id", "author_name", "body")} == {
        "order_id": order.id,
        "author_id": world.a.staff.id,
        "author_name": world.a.staff.shown_name,
        "body": NOTE,
    }
    second = add_note(client, world.street_admin, order.id, "街道已知悉").get_json()
    listed = get_json(client, world.a.staff, f"/staff/orders/{order.id}/notes")
    assert (item_ids(listed), listed["next_cursor"]) == ([note["id"], second["id"]], None)
    assert listed["items"][0] == note


def test_notes_are_paged_oldest_first(client, world):
    order = seeded_order(world.a, world.item)
    made = [
        add_note(client, world.a.staff, order.id, f"第{i}条").get_json()["id"] for i in range(5)
    ]
    bodies = pages(client, world.a.staff, f"/staff/orders/{order.id}/notes?limit=2")
    assert [len(body["items"]) for body in bodies] == [2, 2, 1]
    assert [i for body in bodies for i in item_ids(body)] == made


@pytest.mark.parametrize(
    "path",
    ["/notes?limit=0", "/notes?limit=101", "/notes?limit=x", "/notes?cursor=forged"],
)
def test_bad_page_arguments_are_422(client, world, path):
    order = seeded_order(world.a, world.item)
    response = client.get(f"{API}/staff/orders/{order.id}{path}", headers=auth(world.a.staff))
    assert_error(response, 422, "VALIDATION_ERROR")


@pytest.mark.parametrize(
    "body",
    [{}, {"body": ""}, {"body": "  "}, {"body": "长" * 1001}, {"body": "坏\x07"}, {"body": 3}],
)
def test_bad_note_is_422_and_writes_nothing(client, world, body):
    order = seeded_order(world.a, world.item)
    response = post(client, world.a.staff, f"/staff/orders/{order.id}/notes", body)
    assert "body" in assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert count_rows(OrderNote) == 0


def test_who_may_add_and_read_notes(client, world):
    order = seeded_order(world.a, world.item, S.ACCEPTED)
    path = f"{API}/staff/orders/{order.id}/notes"
    for body in ({"body": NOTE}, {"body": ""}):  # 404 and 403 come before 422
        assert_error(client.post(path, json=body, headers=auth(world.b.staff)), 404, "NOT_FOUND")
        for user in (world.a.resident, world.a.member):
            assert_error(client.post(path, json=body, headers=auth(user)), 403, "FORBIDDEN")
        assert_error(client.post(path, json=body), 401, "UNAUTHORIZED")
    assert_error(client.get(path, headers=auth(world.b.staff)), 404, "NOT_FOUND")
    for user in (world.a.resident, world.a.member):
        assert_error(client.get(path, headers=auth(user)), 403, "FORBIDDEN")
    missing = f"{API}/staff/orders/{2**31 - 1}/notes"
    assert_error(client.get(missing, headers=auth(world.a.staff)), 404, "NOT_FOUND")
    assert count_rows(OrderNote) == 0


def _user_ids(value) -> list[int]:
    """Every value of a key naming a user (`*_id` but the community's and the order's)."""
    if isinstance(value, list):
        return [i for item in value for i in _user_ids(item)]
    if not isinstance(value, dict):
        return []
    found = []
    for key, item in value.items():
        if key.endswith("_id") and key not in ("community_id", "order_id"):
            found.append(item)
        found += _user_ids(item)
    return found


def test_resident_and_member_see_no_staff_id_and_no_staff_text(client, world):
    staff = world.a.staff
    order = seeded_order(world.a, world.item, S.COMPLETED)
    add_event(order, "create", to_status=S.SUBMITTED, actor=staff, note="代点单：王晓燕")
    for action in ("follow-ups", "notes"):
        body = {"reached": True, "satisfied": False} if action == "follow-ups" else {"body": NOTE}
        assert post(client, staff, f"/staff/orders/{order.id}/{action}", body).status_code == 201
    for viewer in (world.a.resident, world.a.member):
        response = client.get(f"{API}/orders/{order.id}", headers=auth(viewer))
        assert response.status_code == 200
        shown = response.get_json()
        assert staff.id not in _user_ids(shown)
        assert {world.a.resident.id, world.a.member.id} >= {i for i in _user_ids(shown) if i}
        text = response.get_data(as_text=True)
        assert "独居老人" not in text and "代点单" not in text and "notes" not in shown
        assert shown["timeline"][-1]["note"] == "已联系，居民不满意"  # a public note stays
    seen_by_staff = get_json(client, staff, f"/orders/{order.id}")
    assert staff.id in _user_ids(seen_by_staff)
    assert "代点单：王晓燕" in [entry["note"] for entry in seen_by_staff["timeline"]]
