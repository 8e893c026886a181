"""What the worker runs: the outbox's sends, handed off after each commit, and the scheduled
jobs, every minute, on every worker (each is settled in the database, so running on several
workers at once does each thing once)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps

from flask import has_app_context
from huey import crontab

from app.activities.services import attendance as activities
from app.bookings.services import moves as bookings
from app.clock import utcnow
from app.devices.services import upkeep as devices
from app.mall.services import redemptions
from app.notifications import delivery
from app.orders.services import timeouts
from app.worker.queue import bound_app, queue, sends_deliveries

log = logging.getLogger(__name__)


def periodic_names() -> list[str]:
    """The scheduled jobs' names, for the worker's start-up line."""
    return sorted(task.name for task in queue._registry.periodic_tasks)


def in_app(function: Callable) -> Callable:
    """Run in the bound app's context (its teardown closes the task's session), or in the
    caller's, where there is one (a test that drains the queue)."""

    @wraps(function)
    def run(*args, **kwargs):
        if has_app_context():
            return function(*args, **kwargs)
        with bound_app().app_context():
            return function(*args, **kwargs)

    return run


@sends_deliveries
@queue.task()
@in_app
def send_deliveries(ids: list[int]) -> dict[str, int]:
    outcomes: dict[str, int] = {}
    for delivery_id in ids:
        outcome = delivery.deliver(delivery_id)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


@queue.periodic_task(crontab(minute="*"))
@in_app
def sweep_outbox() -> int:
    """Send what is due and not held: hand-offs lost to a crash, back-offs that ran out,
    deliveries held by a worker that died."""
    ids = delivery.due_ids()
    for delivery_id in ids:
        delivery.deliver(delivery_id)
    if ids:
        log.info("outbox sweep: %s deliveries due", len(ids))
    return len(ids)


@queue.periodic_task(crontab(minute="*"))
@in_app
def expire_pool() -> int:
    """Orders nobody grabbed in time go back to 待派单 (app.orders.services.timeouts)."""
    return timeouts.expire_pool(utcnow())


@queue.periodic_task(crontab(minute="*"))
@in_app
def escalate_overdue() -> int:
    """Overdue orders are escalated to staff, then to the street."""
    return timeouts.escalate_overdue(utcnow())


@queue.periodic_task(crontab(minute="*"))
@in_app
def remind_due() -> int:
    """Members are reminded before the completion deadline."""
    return timeouts.remind_due(utcnow())


@queue.periodic_task(crontab(minute="*"))
@in_app
def expire_redemptions() -> int:
    """Unclaimed redemptions past their expiry give their points and stock back."""
    return redemptions.expire_due(utcnow())


@queue.periodic_task(crontab(minute="*"))
@in_app
def mark_no_shows() -> int:
    """Approved bookings nobody checked in to, 30 minutes after their start, are no-shows."""
    return bookings.mark_no_shows(utcnow())


@queue.periodic_task(crontab(minute="*"))
@in_app
def close_undecided_bookings() -> int:
    """Pending bookings whose start came without a decision are closed, and their bookers told."""
    return bookings.close_undecided(utcnow())


@queue.periodic_task(crontab(minute="*"))
@in_app
def remind_activities() -> int:
    """Those signed up are reminded ACTIVITY_REMINDER_MINUTES before an activity starts."""
    return activities.send_reminders(utcnow())


@queue.periodic_task(crontab(minute="*"))
@in_app
def mark_activity_no_shows() -> int:
    """Signed up, not checked in, and the activity ended: a no-show."""
    return activities.mark_no_shows(utcnow())


@queue.periodic_task(crontab(minute="*"))
@in_app
def flag_silent_devices() -> int:
    """一键通 devices silent too long are flagged, and their staff told once."""
    return devices.flag_silent(utcnow())


@queue.periodic_task(crontab(minute="*/10"))
@in_app
def sweep_device_nonces() -> int:
    """Devices' used nonces past their window are forgotten."""
    return devices.sweep_nonces(utcnow())


@queue.on_startup()
def sweep_at_start() -> None:
    """A worker that starts sends what waited while none ran."""
    sweep_outbox.call_local()
