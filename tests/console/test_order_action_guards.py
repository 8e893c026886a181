"""What guards every staff action on the order page: another community's order is 404 on
every route, a form without its CSRF token is 400, and an unknown action is 404; none of them
changes the order."""

import pytest

from app.orders.models import OrderStatus as S
from tests.helpers.api import assert_error
from tests.helpers.console import assert_page_error, post_form, sign_in
from tests.helpers.orders import seeded_order, snapshot, stored_order

ROUTES = [
    ("approve", {}),
    ("publish", {}),
    ("recall", {}),
    ("close", {}),
    ("reject", {"preset": "重复提交"}),
    ("dispatch", {"member_id": "<member>"}),
    ("reassign", {"member_id": "<member>"}),
    ("follow-ups", {"reached": "1", "satisfied": "1"}),
    ("reopen", {"reason": "居民不满意"}),
    ("notes", {"body": "内部备注"}),
]


def _data(data, world):
    return {k: (world.b.member.id if v == "<member>" else v) for k, v in data.items()}


@pytest.mark.parametrize(
    "status", [S.SUBMITTED, S.APPROVED, S.PUBLISHED, S.DISPATCHED, S.COMPLETED]
)
def test_another_communitys_staff_gets_404_and_nothing_changes(client, world, status):
    order = seeded_order(world.b, world.item, status)  # demo-b's order, demo-a's staff
    before = snapshot(order.id)
    sign_in(client, world.a.staff)
    assert_page_error(client.get(f"/console/orders/{order.id}"), 404, "找不到")
    for action, data in ROUTES:
        for body in (_data(data, world), {"member_id": "x", "reached": "?"}):
            response = post_form(client, f"/console/orders/{order.id}/{action}", body)
            assert_page_error(response, 404, "找不到")
    assert snapshot(order.id) == before


def test_without_csrf_token_every_action_is_400_and_nothing_changes(client, world):
    sign_in(client, world.a.staff)
    for action, data in ROUTES:
        order = seeded_order(world.a, world.item, S.APPROVED)
        before = snapshot(order.id)
        response = client.post(f"/console/orders/{order.id}/{action}", data=_data(data, world))
        assert_page_error(response, 400, "页面已过期")
        assert snapshot(order.id) == before


def test_an_unknown_action_is_404(client, world):
    staff_client = sign_in(client, world.a.staff)
    order = seeded_order(world.a, world.item)
    for action in ("grab", "cancel"):  # no such console route: the router's envelope
        response = post_form(staff_client, f"/console/orders/{order.id}/{action}")
        assert_error(response, 404, "NOT_FOUND")
    assert stored_order(order.id).status == S.SUBMITTED
