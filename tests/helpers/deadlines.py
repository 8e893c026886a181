"""The deadlines in tests: orders moved through the API, the worker's scheduled jobs run as
the worker runs them (`call_local`), and what users then find in their inbox and timeline."""

from __future__ import annotations

from datetime import datetime

from app.clock import BEIJING
from app.worker import tasks
from tests.helpers.api import get_json, post


def bj(*args) -> datetime:
    """A Beijing wall-clock time."""
    return datetime(*args, tzinfo=BEIJING)


def titles(client, user) -> list[str]:
    """The titles of the user's inbox, newest first."""
    return [message["title"] for message in get_json(client, user, "/my/messages")["items"]]


def timeline(client, user, order_id: int) -> list[dict]:
    return get_json(client, user, f"/orders/{order_id}")["timeline"]


def actions(client, user, order_id: int) -> list[str]:
    return [event["action"] for event in timeline(client, user, order_id)]


def staff_move(client, side, order_id: int, move: str, body: dict | None = None) -> dict:
    response = post(client, side.staff, f"/staff/orders/{order_id}/{move}", body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def member_move(client, side, order_id: int, move: str) -> dict:
    response = post(client, side.member, f"/member/orders/{order_id}/{move}", {})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def taken(client, side, order_id: int) -> None:
    """Approved, dispatched to the side's member and accepted: the completion stage."""
    staff_move(client, side, order_id, "approve")
    staff_move(client, side, order_id, "dispatch", {"member_id": side.member.id})
    member_move(client, side, order_id, "accept")


def expire_pool() -> int:
    return tasks.expire_pool.call_local()


def escalate() -> int:
    return tasks.escalate_overdue.call_local()


def remind() -> int:
    return tasks.remind_due.call_local()
