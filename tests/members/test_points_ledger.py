"""The member's points ledger: balance, entries newest first, pages, Chinese reason labels."""

from datetime import datetime

from app.extensions import db
from app.orders.models import OrderStatus
from tests.helpers import factories
from tests.helpers.api import assert_error, get, get_json, item_ids, pages
from tests.helpers.members import POINTS, points_entry


def _ledger(client, member, query: str = "") -> dict:
    return get_json(client, member, f"{POINTS}?{query}")


def test_balance_entries_and_labels(client, world):
    member = world.a.member
    order = factories.order(
        world.a.community, world.a.resident, world.item, OrderStatus.COMPLETED, member
    )
    credit = points_entry(member, 10, "order_completed", order.id, "完成工单：水管维修")
    redeem = points_entry(member, -4, "redemption", note="兑换：洗衣液")
    adjust = points_entry(member, 3, "adjustment", note="补录活动积分")
    points_entry(world.b.member, 50, "adjustment")  # someone else's
    db.session.commit()

    body = _ledger(client, member)
    assert body["balance"] == 9
    assert body["next_cursor"] is None
    assert item_ids(body) == [adjust.id, redeem.id, credit.id]
    first = body["items"][-1]
    assert first == {
        "id": credit.id,
        "delta": 10,
        "reason": "order_completed",
        "reason_label": "完成工单",
        "order_id": order.id,
        "activity_id": None,
        "redemption_id": None,
        "actor_id": None,
        "note": "完成工单：水管维修",
        "at": first["at"],
    }
    assert datetime.fromisoformat(first["at"]).tzinfo is not None
    assert [item["reason_label"] for item in body["items"]] == ["人工调整", "积分兑换", "完成工单"]
    assert body["items"][0]["order_id"] is None


def test_ledger_pages_keep_the_balance(client, world):
    member = world.a.member
    ids = [points_entry(member, delta).id for delta in (1, 2, 3, 4, 5)]
    db.session.commit()

    walked = pages(client, member, f"{POINTS}?limit=2")
    assert [body["balance"] for body in walked] == [15, 15, 15]
    assert [len(body["items"]) for body in walked] == [2, 2, 1]
    assert [i for body in walked for i in item_ids(body)] == ids[::-1]


def test_empty_ledger(client, world):
    assert _ledger(client, world.b.member) == {"balance": 0, "items": [], "next_cursor": None}


def test_bad_page_arguments_are_422(client, world):
    for query in ("limit=0", "limit=101", "limit=x", "cursor=forged"):
        response = get(client, world.a.member, f"{POINTS}?{query}")
        error = assert_error(response, 422, "VALIDATION_ERROR")
        assert query.split("=")[0] in error["details"], query
