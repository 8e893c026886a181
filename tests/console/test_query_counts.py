"""The queue and the order page run a fixed number of queries, however many orders, members
and timeline events there are (each row's item, category, resident and member, and each
event's and follow-up's author, are loaded in bulk, not one by one)."""

from __future__ import annotations

from app.extensions import db
from app.orders.models import FollowUp
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.console import page_html, row_ids, sign_in
from tests.helpers.orders import add_event, make_order
from tests.helpers.queries import queries_of_request

QUEUE = "/console/orders?limit=100"


def _grow(world, order, orders: int) -> None:
    """`orders` more accepted orders, each with an item, category and member of its own, and
    as many events and follow-ups on `order`, each by a staff member of its own."""
    for _ in range(orders):
        make_order(
            world.a,
            factories.catalog_item(),
            S.ACCEPTED,
            member=factories.member(world.a.community),
        )
        staff = factories.staff(world.a.community)
        add_event(order, "follow_up", to_status=S.COMPLETED, from_status=S.COMPLETED, actor=staff)
        db.session.add(
            FollowUp(
                order_id=order.id, staff_id=staff.id, reached=True, satisfied=True, note="回访"
            )
        )
    db.session.commit()


def test_queue_and_order_page_run_a_fixed_number_of_queries(client, world):
    sign_in(client, world.a.staff)
    # Once first: what is kept per process (the scope's name) is built then.
    assert client.get(QUEUE).status_code == 200
    order = make_order(world.a, world.item, S.COMPLETED, member=world.a.member)
    _grow(world, order, 4)
    small = (
        queries_of_request(client, QUEUE),
        queries_of_request(client, f"/console/orders/{order.id}"),
    )

    _grow(world, order, 40)
    large = (
        queries_of_request(client, QUEUE),
        queries_of_request(client, f"/console/orders/{order.id}"),
    )

    assert len(row_ids(page_html(client.get(QUEUE)))) == 45
    assert page_html(client.get(f"/console/orders/{order.id}")).count("回访") >= 40
    assert small == large
    assert large[0] <= 10 and large[1] <= 12, large
