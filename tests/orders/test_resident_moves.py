"""Residents cancel their own orders while nobody is working on them, and rate once."""

from app.orders.models import OrderStatus as S
from tests.helpers.api import assert_error, post
from tests.helpers.orders import event_count, seeded_order, stored_order


def test_resident_cancels_before_the_work_starts(client, world):
    for status in (S.SUBMITTED, S.APPROVED, S.PUBLISHED):
        order = seeded_order(world.a, world.item, status)
        response = post(client, world.a.resident, f"/orders/{order.id}/cancel")
        assert response.status_code == 200, status
        body = response.get_json()
        assert (body["status"], body["status_label"]) == ("cancelled", "已取消")
        assert body["timeline"][-1]["action"] == "cancel"
        assert stored_order(order.id).status == S.CANCELLED


def test_resident_cannot_cancel_once_a_member_has_it_or_it_is_closed(client, world):
    for status in (
        S.DISPATCHED,
        S.ACCEPTED,
        S.IN_PROGRESS,
        S.COMPLETED,
        S.RATED,
        S.REJECTED,
        S.CANCELLED,
    ):
        order = seeded_order(world.a, world.item, status)
        response = post(client, world.a.resident, f"/orders/{order.id}/cancel")
        assert_error(response, 409, "ORDER_STATE_CONFLICT")
        assert stored_order(order.id).status == status


def test_cancelled_order_leaves_the_pool(client, world):
    order = seeded_order(world.a, world.item, S.PUBLISHED)
    post(client, world.a.resident, f"/orders/{order.id}/cancel")
    assert_error(
        post(client, world.a.member, f"/member/orders/{order.id}/grab"), 409, "ORDER_STATE_CONFLICT"
    )


def test_rating_happens_once(client, world):
    order = seeded_order(world.a, world.item, S.COMPLETED)
    first = post(client, world.a.resident, f"/orders/{order.id}/rating", {"stars": 4})
    assert first.status_code == 200
    assert first.get_json()["stars"] == 4 and first.get_json()["comment"] is None
    second = post(
        client, world.a.resident, f"/orders/{order.id}/rating", {"stars": 1, "comment": "改评"}
    )
    assert assert_error(second, 409, "ORDER_STATE_CONFLICT")["details"] == {
        "action": "rate",
        "status": "rated",
    }
    stored = stored_order(order.id)
    assert (stored.status, stored.stars, stored.comment) == (S.RATED, 4, None)
    assert event_count(order.id) == 2


def test_stars_must_be_an_integer_from_1_to_5(client, world):
    order = seeded_order(world.a, world.item, S.COMPLETED)
    path = f"/orders/{order.id}/rating"
    for body in [
        {"stars": 0},
        {"stars": 6},
        {"stars": 4.5},
        {"stars": "5"},
        {"stars": True},
        {"stars": None},
        {},
        {"stars": -1},
        {"stars": 5.0},
        {"stars": [5]},
        None,
    ]:
        error = assert_error(post(client, world.a.resident, path, body), 422, "VALIDATION_ERROR")
        assert "stars" in error["details"], body
    for comment in ["x" * 501, "好\x00", 5]:
        error = assert_error(
            post(client, world.a.resident, path, {"stars": 5, "comment": comment}),
            422,
            "VALIDATION_ERROR",
        )
        assert "comment" in error["details"], comment
    stored = stored_order(order.id)
    assert stored.status == S.COMPLETED and stored.stars is None and stored.comment is None


def test_rating_comment_of_500_characters_with_line_breaks(client, world):
    order = seeded_order(world.a, world.item, S.COMPLETED)
    comment = ("很好\n" * 167)[:500]
    response = post(
        client, world.a.resident, f"/orders/{order.id}/rating", {"stars": 5, "comment": comment}
    )
    assert response.status_code == 200 and response.get_json()["comment"] == comment


def test_only_the_orders_resident_rates(client, world):
    order = seeded_order(world.a, world.item, S.COMPLETED)
    for user in (world.b.resident, world.a.member):  # the member is also a resident
        assert_error(
            post(client, user, f"/orders/{order.id}/rating", {"stars": 1}), 404, "NOT_FOUND"
        )
    assert_error(
        post(client, world.a.staff, f"/orders/{order.id}/rating", {"stars": 1}), 403, "FORBIDDEN"
    )
    assert stored_order(order.id).stars is None
