"""The words the order domain counts in: the actions that move an order, and the groups of
statuses that every list, count, rate and permission check uses. Defined once, here."""

from __future__ import annotations

from enum import StrEnum

from app.orders.models import OrderStatus as S


class Action(StrEnum):
    """What happened to an order; each is an event of its timeline."""

    CREATE = "create"
    APPROVE = "approve"
    REJECT = "reject"
    CANCEL = "cancel"
    DISPATCH = "dispatch"
    PUBLISH = "publish"
    GRAB = "grab"
    ACCEPT = "accept"
    START = "start"
    COMPLETE = "complete"
    RATE = "rate"
    # Beyond the contract, for the dispatch console.
    RECALL = "recall"
    REASSIGN = "reassign"
    CLOSE = "close"
    FOLLOW_UP = "follow_up"
    REOPEN = "reopen"
    # A service team (app.teams): staff dispatch to it, then one of its members takes it.
    DISPATCH_TEAM = "dispatch_team"
    TAKE = "take"
    # Made by the platform itself (no actor): deadlines that act.
    EXPIRE = "expire"  # nobody grabbed it in time: back from the pool to 待派单
    ESCALATE = "escalate"  # overdue: staff told, then the street


# Nobody has taken the job yet: the response deadline runs.
AWAITING_RESPONSE = (S.SUBMITTED, S.APPROVED, S.PUBLISHED, S.DISPATCHED)
# A member took the job and has not finished it: the completion deadline runs.
AWAITING_COMPLETION = (S.ACCEPTED, S.IN_PROGRESS)
# On a member's desk (dispatched to them, or taken and not finished): their workload.
OPEN = (S.DISPATCHED, S.ACCEPTED, S.IN_PROGRESS)
# Done: completed, rated, or closed (办结) by staff after that.
FINISHED = (S.COMPLETED, S.RATED, S.CLOSED)
# The order's member holds the job until it is closed, and may read the resident's phone.
HELD = (S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED, S.RATED)
# A member took the job at some point: accepted, grabbed, or beyond.
TAKEN = AWAITING_COMPLETION + FINISHED
