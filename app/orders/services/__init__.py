"""Order use cases that write, one module per kind of use case:

- `create`: 群众点单, a resident's order, made idempotent by its `Idempotency-Key`;
- `on_behalf`: 代点单, an order staff enter for a resident without a smartphone;
- `moves`: every status move (screen, dispatch to a member or a team, grab or take, do,
  rate, close, reopen);
- `notes`: staff's internal notes on an order;
- `follow_ups`: 回访, staff's follow-up calls after the job;
- `timeouts`: the worker's scheduled jobs (pool timeout, escalation, reminders).

Each is a `@use_case` (app.transaction): it commits once or writes nothing."""

from app.orders.services.create import create_order
from app.orders.services.follow_ups import record_follow_up
from app.orders.services.moves import (
    accept,
    approve,
    cancel,
    close,
    complete,
    dispatch,
    dispatch_to_team,
    grab,
    publish,
    rate,
    reassign,
    recall,
    reject,
    reopen,
    start,
    take,
)
from app.orders.services.notes import add_note
from app.orders.services.on_behalf import create_on_behalf, create_on_behalf_by_api

__all__ = [
    "accept",
    "add_note",
    "approve",
    "cancel",
    "close",
    "complete",
    "create_on_behalf",
    "create_on_behalf_by_api",
    "create_order",
    "dispatch",
    "dispatch_to_team",
    "grab",
    "publish",
    "rate",
    "reassign",
    "recall",
    "record_follow_up",
    "reject",
    "reopen",
    "start",
    "take",
]
