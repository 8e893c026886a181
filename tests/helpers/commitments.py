"""1+X commitments for the API and console tests: choosing them over HTTP, items written
straight to the database, and orders a member completes through the real loop."""

from __future__ import annotations

from app.commitments.models import CommitmentItem
from app.extensions import db
from tests.helpers.api import call, post
from tests.helpers.orders import create_order

MINE = "/member/commitments"


def choose(client, member, kinds=(), item_ids=(), year: int | None = None):
    path = MINE if year is None else f"{MINE}?year={year}"
    body = {"kinds": list(kinds), "item_ids": list(item_ids)}
    return call(client, member, "put", path, body)


def by_key(answer: dict) -> dict[str, dict]:
    return {item["key"]: item for item in answer["items"]}


def make_item(side, title: str = "楼道清洁", target: int = 2) -> CommitmentItem:
    item = CommitmentItem(
        community_id=side.community.id, title=title, target=target, created_by_id=side.staff.id
    )
    db.session.add(item)
    db.session.commit()
    return item


def complete_order(client, side, item, member, *, rate: bool = False, until: int = 4) -> int:
    """An order of the side's resident, dispatched to `member`, accepted and completed (and
    rated) through the API, or only its first `until` moves; returns its id."""
    order_id = create_order(client, side.resident, side.community, item)["id"]
    steps = [
        (side.staff, f"/staff/orders/{order_id}/approve", None),
        (side.staff, f"/staff/orders/{order_id}/dispatch", {"member_id": member.id}),
        (member, f"/member/orders/{order_id}/accept", None),
        (member, f"/member/orders/{order_id}/complete", {"note": "已完成"}),
    ][:until]
    if rate:
        steps.append((side.resident, f"/orders/{order_id}/rating", {"stars": 5}))
    for user, path, body in steps:
        response = post(client, user, path, body)
        assert response.status_code == 200, (path, response.get_json())
    return order_id
