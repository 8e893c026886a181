"""The whole order loop through HTTP: 群众点单 → 审核 → 派单/抢单 → 接单 → 完成 → 评单 → 积分."""

from app.extensions import db
from app.orders.models import OrderStatus
from app.points.queries import balance
from tests.helpers import factories
from tests.helpers.api import assert_error, get, item_ids, post
from tests.helpers.orders import PHONE, create_order, ledger, stored_order


def _published_order_id(client, side, item) -> int:
    """An order created, approved and published through the API."""
    order_id = create_order(client, side.resident, side.community, item)["id"]
    for action in ("approve", "publish"):
        response = post(client, side.staff, f"/staff/orders/{order_id}/{action}")
        assert response.status_code == 200, response.get_json()
    return order_id


def _timeline(order: dict) -> list[tuple[str, str, int]]:
    return [(e["action"], e["status"], e["actor_id"]) for e in order["timeline"]]


def test_create_answers_the_submitted_order_with_its_first_event(client, world):
    order = create_order(client, world.a.resident, world.a.community, world.item)
    assert order["status"] == "submitted" and order["status_label"] == "待审核"
    assert order["source"] == "miniprogram"
    assert order["community_id"] == world.a.community.id
    assert order["item"] == {
        "id": world.item.id,
        "name": world.item.name,
        "points": world.item.points,
    }
    assert order["contact_phone"] == PHONE
    assert order["description"] == "家里水管漏水，\n需要帮忙维修"
    assert order["photos"] == ["https://img.example.com/leak.jpg"]
    assert order["latitude"] == 28.6829 and order["longitude"] == 115.8582
    assert order["member_id"] is None
    assert _timeline(order) == [("create", "submitted", world.a.resident.id)]
    assert order["timeline"][0]["from_status"] is None
    stored = stored_order(order["id"])
    assert stored.resident_id == world.a.resident.id and stored.status == "submitted"


def test_full_loop_dispatch_accept_start_complete_rate(client, world):
    a = world.a
    order_id = create_order(client, a.resident, a.community, world.item)["id"]
    steps = [
        (a.staff, f"/staff/orders/{order_id}/approve", None, "approved"),
        (a.staff, f"/staff/orders/{order_id}/dispatch", {"member_id": a.member.id}, "dispatched"),
        (a.member, f"/member/orders/{order_id}/accept", None, "accepted"),
        (a.member, f"/member/orders/{order_id}/start", None, "in_progress"),
        (
            a.member,
            f"/member/orders/{order_id}/complete",
            {"note": "已更换水管接头\n试水无渗漏", "photos": ["https://img.example.com/done.jpg"]},
            "completed",
        ),
        (
            a.resident,
            f"/orders/{order_id}/rating",
            {"stars": 5, "comment": "很及时，谢谢"},
            "rated",
        ),
    ]
    for user, path, body, status in steps:
        response = post(client, user, path, body)
        assert response.status_code == 200, (path, response.get_json())
        assert response.get_json()["status"] == status

    order = get(client, a.resident, f"/orders/{order_id}").get_json()
    assert order["member_id"] == a.member.id
    assert order["completion_note"] == "已更换水管接头\n试水无渗漏"
    assert order["completion_photos"] == ["https://img.example.com/done.jpg"]
    assert order["stars"] == 5 and order["comment"] == "很及时，谢谢"
    moves = [
        ("create", "submitted", a.resident.id),
        ("approve", "approved", a.staff.id),
        ("dispatch", "dispatched", a.staff.id),
        ("accept", "accepted", a.member.id),
        ("start", "in_progress", a.member.id),
        ("complete", "completed", a.member.id),
        ("rate", "rated", a.resident.id),
    ]
    assert _timeline(get(client, a.staff, f"/orders/{order_id}").get_json()) == moves
    # The resident sees who of the resident and the member acted, never a staff member's id.
    assert _timeline(order) == [
        (action, status, None if actor == a.staff.id else actor) for action, status, actor in moves
    ]
    froms = [e["from_status"] for e in order["timeline"]]
    assert froms == [
        None,
        "submitted",
        "approved",
        "dispatched",
        "accepted",
        "in_progress",
        "completed",
    ]
    ats = [e["at"] for e in order["timeline"]]
    assert ats == sorted(ats)
    assert order["timeline"][5]["note"] == "已更换水管接头\n试水无渗漏"

    entries = ledger(order_id)
    assert [(e.member_id, e.delta, e.reason) for e in entries] == [
        (a.member.id, world.item.points, "order_completed")
    ]
    assert balance(a.member.id) == world.item.points


def test_publish_then_grab_then_complete_from_accepted(client, world):
    a = world.a
    order_id = create_order(client, a.resident, a.community, world.item)["id"]
    assert post(client, a.staff, f"/staff/orders/{order_id}/approve").status_code == 200
    published = post(client, a.staff, f"/staff/orders/{order_id}/publish").get_json()
    assert published["status"] == "published" and published["status_label"] == "待抢单"

    pool = get(client, a.member, "/member/pool").get_json()
    assert item_ids(pool) == [order_id]

    grabbed = post(client, a.member, f"/member/orders/{order_id}/grab")
    assert grabbed.status_code == 200, grabbed.get_json()
    assert grabbed.get_json()["status"] == "accepted"
    assert grabbed.get_json()["member_id"] == a.member.id
    assert grabbed.get_json()["timeline"][-1]["action"] == "grab"
    assert get(client, a.member, "/member/pool").get_json()["items"] == []

    done = post(client, a.member, f"/member/orders/{order_id}/complete", {})
    assert done.status_code == 200 and done.get_json()["status"] == "completed"
    assert done.get_json()["completion_note"] is None
    assert [e.delta for e in ledger(order_id)] == [world.item.points]


def test_grab_of_a_taken_order_is_already_taken(client, world):
    a = world.a
    rival = factories.member(a.community)
    db.session.commit()
    order_id = _published_order_id(client, a, world.item)
    assert post(client, a.member, f"/member/orders/{order_id}/grab").status_code == 200
    assert_error(post(client, rival, f"/member/orders/{order_id}/grab"), 409, "ORDER_ALREADY_TAKEN")
    assert stored_order(order_id).member_id == a.member.id


def test_dispatch_from_the_pool_and_member_job_list(client, world):
    a = world.a
    order_id = _published_order_id(client, a, world.item)
    response = post(
        client, a.staff, f"/staff/orders/{order_id}/dispatch", {"member_id": a.member.id}
    )
    assert response.status_code == 200 and response.get_json()["status"] == "dispatched"
    jobs = get(client, a.member, "/member/orders?status=dispatched")
    assert item_ids(jobs.get_json()) == [order_id]
    assert get(client, a.member, "/member/orders?status=accepted").get_json()["items"] == []


def test_recall_and_reassign_for_the_console(client, world):
    a = world.a
    other = factories.member(a.community)
    db.session.commit()
    order_id = _published_order_id(client, a, world.item)
    recalled = post(client, a.staff, f"/staff/orders/{order_id}/recall")
    assert recalled.status_code == 200 and recalled.get_json()["status"] == "approved"
    post(client, a.staff, f"/staff/orders/{order_id}/dispatch", {"member_id": a.member.id})
    moved = post(client, a.staff, f"/staff/orders/{order_id}/reassign", {"member_id": other.id})
    assert moved.status_code == 200
    assert moved.get_json()["status"] == "dispatched"
    assert moved.get_json()["member_id"] == other.id
    # the first member no longer holds it; the new one accepts it
    assert_error(post(client, a.member, f"/member/orders/{order_id}/accept"), 404, "NOT_FOUND")
    assert post(client, other, f"/member/orders/{order_id}/accept").status_code == 200
    assert_error(
        post(client, a.staff, f"/staff/orders/{order_id}/reassign", {"member_id": a.member.id}),
        409,
        "ORDER_STATE_CONFLICT",
    )


def test_reject_keeps_the_reason_on_the_order_and_in_the_timeline(client, world):
    a = world.a
    order_id = create_order(client, a.resident, a.community, world.item)["id"]
    response = post(
        client, a.staff, f"/staff/orders/{order_id}/reject", {"reason": "不属于服务范围"}
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "rejected" and body["status_label"] == "已驳回"
    assert body["reject_reason"] == "不属于服务范围"
    assert body["timeline"][-1]["note"] == "不属于服务范围"


def test_street_admin_moves_orders_of_both_communities(client, world):
    for side in (world.a, world.b):
        order_id = create_order(client, side.resident, side.community, world.item)["id"]
        response = post(client, world.street_admin, f"/staff/orders/{order_id}/approve")
        assert response.status_code == 200
        assert response.get_json()["status"] == OrderStatus.APPROVED
        assert response.get_json()["contact_phone"] == PHONE
