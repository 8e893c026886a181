"""办结 (close) and 回访 (follow-up calls) through the staff API: the moves the console adds."""

import pytest

from app.orders.models import OrderStatus as S
from tests.helpers.api import API, assert_error, auth, get, post
from tests.helpers.orders import (
    event_count,
    follow_up_count,
    last_event,
    seeded_order,
    stored_order,
)

FINISHED = [S.COMPLETED, S.RATED]
NOT_FINISHED = [
    S.SUBMITTED,
    S.APPROVED,
    S.DISPATCHED,
    S.PUBLISHED,
    S.ACCEPTED,
    S.IN_PROGRESS,
    S.REJECTED,
    S.CANCELLED,
]


@pytest.mark.parametrize("status", FINISHED)
def test_close_a_finished_order(client, world, status):
    order = seeded_order(world.a, world.item, status)
    response = post(client, world.a.staff, f"/staff/orders/{order.id}/close")
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["status"], body["status_label"]) == ("closed", "已办结")
    last = body["timeline"][-1]
    assert (last["action"], last["from_status"], last["status"], last["actor_id"]) == (
        "close",
        status,
        "closed",
        world.a.staff.id,
    )
    assert stored_order(order.id).status == S.CLOSED


@pytest.mark.parametrize("status", [*NOT_FINISHED, S.CLOSED])
def test_close_is_refused_before_the_job_is_done(client, world, status):
    order = seeded_order(world.a, world.item, status)
    response = post(client, world.a.staff, f"/staff/orders/{order.id}/close")
    assert assert_error(response, 409, "ORDER_STATE_CONFLICT")["details"]["status"] == status
    assert (stored_order(order.id).status, event_count(order.id)) == (status, 1)


@pytest.mark.parametrize("status", [*FINISHED, S.CLOSED])
def test_follow_up_is_recorded_and_keeps_the_status(client, world, status):
    order = seeded_order(world.a, world.item, status)
    response = post(
        client,
        world.a.staff,
        f"/staff/orders/{order.id}/follow-ups",
        {"reached": True, "satisfied": True, "note": "居民说水管\n已经不漏了"},
    )
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert {k: body[k] for k in ("order_id", "staff_id", "reached", "satisfied", "note")} == {
        "order_id": order.id,
        "staff_id": world.a.staff.id,
        "reached": True,
        "satisfied": True,
        "note": "居民说水管\n已经不漏了",
    }
    event = last_event(order.id)
    assert (event.action, event.from_status, event.to_status, event.actor_id) == (
        "follow_up",
        status,
        status,
        world.a.staff.id,
    )
    assert event.note == "已联系，居民满意"
    seen = get(client, world.a.resident, f"/orders/{order.id}")
    assert "不漏了" not in seen.get_data(as_text=True)  # the staff's own note stays with staff
    assert stored_order(order.id).status == status


def test_resident_not_reached_has_no_satisfaction(client, world):
    order = seeded_order(world.a, world.item, S.COMPLETED)
    response = post(
        client, world.a.staff, f"/staff/orders/{order.id}/follow-ups", {"reached": False}
    )
    assert response.status_code == 201
    assert (response.get_json()["reached"], response.get_json()["satisfied"]) == (False, None)
    timeline = get(client, world.a.staff, f"/orders/{order.id}").get_json()
    assert timeline["timeline"][-1]["note"] == "未联系上"


@pytest.mark.parametrize("status", NOT_FINISHED)
def test_follow_up_before_the_job_is_done_is_refused(client, world, status):
    order = seeded_order(world.a, world.item, status)
    response = post(
        client,
        world.a.staff,
        f"/staff/orders/{order.id}/follow-ups",
        {"reached": True, "satisfied": False},
    )
    assert_error(response, 409, "ORDER_STATE_CONFLICT")
    assert (follow_up_count(), event_count(order.id)) == (0, 1)


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "reached"),
        ({"reached": "yes"}, "reached"),
        ({"reached": 1, "satisfied": True}, "reached"),
        ({"reached": True, "satisfied": "true"}, "satisfied"),
        ({"reached": True}, "satisfied"),
        ({"reached": False, "satisfied": True}, "satisfied"),
        ({"reached": True, "satisfied": True, "note": "好" * 501}, "note"),
        ({"reached": True, "satisfied": True, "note": "好\x07"}, "note"),
        ({"reached": True, "satisfied": True, "note": 5}, "note"),
    ],
)
def test_bad_follow_up_is_422_and_writes_nothing(client, world, body, field):
    order = seeded_order(world.a, world.item, S.RATED)
    response = post(client, world.a.staff, f"/staff/orders/{order.id}/follow-ups", body)
    assert field in assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert (follow_up_count(), event_count(order.id)) == (0, 1)


def test_another_community_gets_404_and_nothing_changes(client, world):
    order = seeded_order(world.a, world.item, S.COMPLETED)
    calls = [
        ("post", f"/staff/orders/{order.id}/close", None),
        ("post", f"/staff/orders/{order.id}/follow-ups", {"reached": True, "satisfied": True}),
        ("post", f"/staff/orders/{order.id}/follow-ups", {"reached": "bad"}),
        ("get", f"/staff/orders/{order.id}/candidates", None),
    ]
    for method, path, body in calls:
        response = getattr(client, method)(API + path, json=body, headers=auth(world.b.staff))
        assert_error(response, 404, "NOT_FOUND")
    for user in (world.a.resident, world.a.member):
        for method, path, body in calls:
            response = getattr(client, method)(API + path, json=body, headers=auth(user))
            assert_error(response, 403, "FORBIDDEN")
    for method, path, body in calls:
        assert_error(getattr(client, method)(API + path, json=body), 401, "UNAUTHORIZED")
    assert (stored_order(order.id).status, event_count(order.id), follow_up_count()) == (
        S.COMPLETED,
        1,
        0,
    )


def test_street_admin_closes_and_follows_up_in_both_communities(client, world):
    for side in (world.a, world.b):
        order = seeded_order(side, world.item, S.RATED)
        path = f"/staff/orders/{order.id}"
        assert (
            post(
                client,
                world.street_admin,
                f"{path}/follow-ups",
                {"reached": True, "satisfied": True},
            ).status_code
            == 201
        )
        assert post(client, world.street_admin, f"{path}/close").get_json()["status"] == "closed"
