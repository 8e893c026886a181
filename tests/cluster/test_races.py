"""The races of tests/orders/test_concurrency.py, split across two app servers (and nginx):
still one winner, one order per Idempotency-Key, one completion and one points entry."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.orders.models import Order
from app.orders.models import OrderStatus as S
from tests.cluster.calls import posts
from tests.helpers import factories
from tests.helpers.api import auth
from tests.helpers.concurrency import all_at_once
from tests.helpers.db import count_rows
from tests.helpers.orders import (
    action_count,
    assert_completed_once,
    order_body,
    seeded_order,
    stored_order,
)

pytestmark = pytest.mark.cluster

GRABS = 20


def test_twenty_grabs_on_both_servers_have_one_winner(cluster, side):
    members = [side.member] + [factories.member(side.community) for _ in range(GRABS - 1)]
    db.session.commit()
    order = seeded_order(side, side.item, S.PUBLISHED)
    path = f"/member/orders/{order.id}/grab"

    results = all_at_once(
        posts([(cluster.entry(i), path, auth(m), None) for i, m in enumerate(members)])
    )

    winners = [i for i, (status, _) in enumerate(results) if status == 200]
    assert len(winners) == 1, results
    losers = [(status, body["error"]["code"]) for status, body in results if status != 200]
    assert losers == [(409, "ORDER_ALREADY_TAKEN")] * (GRABS - 1)
    stored = stored_order(order.id)
    assert stored.status == S.ACCEPTED and stored.member_id == members[winners[0]].id
    assert action_count(order.id, "grab") == 1
    assert cluster.served("a", path) >= 8 and cluster.served("b", path) >= 8


def test_two_creates_with_one_key_on_two_servers_make_one_order(cluster, side):
    for round_no in range(3):
        body = order_body(side.community, side.item, description=f"第{round_no}次")
        headers = {**auth(side.resident), "Idempotency-Key": f"cluster-{round_no}"}

        results = all_at_once(
            posts([(server, "/orders", headers, body) for server in cluster.both])
        )

        assert [status for status, _ in results] == [201, 201], results
        assert results[0][1]["id"] == results[1][1]["id"]
        assert count_rows(Order, Order.resident_id == side.resident.id) == round_no + 1


def test_a_completion_sent_to_both_servers_credits_once(cluster, side):
    for _ in range(3):
        order = seeded_order(side, side.item, S.IN_PROGRESS)
        path = f"/member/orders/{order.id}/complete"
        requests = [(server, path, auth(side.member), {"note": "完成"}) for server in cluster.both]

        results = all_at_once(posts(requests))

        assert_completed_once(order.id, results, side.item.points)
