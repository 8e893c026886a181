"""The lives an order leads in `seed load`: sequences of moves of the state machine, how
often each happens, and how long each step takes. Every path is checked against
`app.orders.state.MOVES` when this module is imported, so a load never writes a timeline
that the platform itself could not have written."""

from __future__ import annotations

from datetime import timedelta

from app.orders.models import OrderStatus as S
from app.orders.state import MOVES
from app.orders.vocabulary import AWAITING_COMPLETION, AWAITING_RESPONSE
from app.orders.vocabulary import Action as A

_DISPATCHED = (A.APPROVE, A.DISPATCH, A.ACCEPT, A.START, A.COMPLETE)
_GRABBED = (A.APPROVE, A.PUBLISH, A.GRAB, A.START, A.COMPLETE)

# Orders older than RECENT_DAYS have ended (or wait for a rating): (weight, moves).
FINISHED_PATHS: list[tuple[int, tuple[A, ...]]] = [
    (22, (*_DISPATCHED, A.RATE)),
    (18, (*_GRABBED, A.RATE)),
    (8, (A.APPROVE, A.DISPATCH, A.ACCEPT, A.COMPLETE)),
    (8, _GRABBED),
    (8, (*_DISPATCHED, A.RATE, A.CLOSE)),
    (4, (A.APPROVE, A.PUBLISH, A.GRAB, A.COMPLETE, A.CLOSE)),
    (2, (A.APPROVE, A.PUBLISH, A.RECALL, *_DISPATCHED[1:], A.RATE)),
    (2, (A.APPROVE, A.DISPATCH, A.REASSIGN, *_DISPATCHED[2:], A.RATE)),
    (5, (A.REJECT,)),
    (2, (A.APPROVE, A.REJECT)),
    (3, (A.CANCEL,)),
    (2, (A.APPROVE, A.CANCEL)),
    (2, (A.APPROVE, A.PUBLISH, A.CANCEL)),
]
# Recent orders may also still be on their way.
OPEN_PATHS: list[tuple[int, tuple[A, ...]]] = [
    (10, ()),
    (6, (A.APPROVE,)),
    (8, (A.APPROVE, A.PUBLISH)),
    (6, (A.APPROVE, A.DISPATCH)),
    (5, (A.APPROVE, A.DISPATCH, A.ACCEPT)),
    (5, (A.APPROVE, A.PUBLISH, A.GRAB)),
    (5, (A.APPROVE, A.PUBLISH, A.GRAB, A.START)),
    (3, (A.APPROVE, A.DISPATCH, A.ACCEPT, A.START)),
]
RECENT_DAYS = 14
FOLLOW_UP_SHARE = 0.3  # of the finished orders, those staff called back (回访)

# How long after the previous step each move comes, in minutes: (shortest, longest).
STEP_MINUTES: dict[A, tuple[int, int]] = {
    A.APPROVE: (10, 360),
    A.REJECT: (10, 360),
    A.CANCEL: (5, 1440),
    A.DISPATCH: (5, 240),
    A.PUBLISH: (5, 240),
    A.RECALL: (60, 720),
    A.REASSIGN: (30, 600),
    A.GRAB: (5, 480),
    A.ACCEPT: (5, 480),
    A.START: (10, 1440),
    A.COMPLETE: (30, 2880),
    A.RATE: (60, 4320),
    A.CLOSE: (1440, 7200),
    A.FOLLOW_UP: (60, 2880),
}


def replay(moves: tuple[A, ...]) -> list[tuple[str, str]]:
    """The (from, to) statuses of each move from `submitted`; ValueError if one is refused."""
    status: str = S.SUBMITTED
    steps = []
    for action in moves:
        move = MOVES[action]
        if status not in move.from_statuses:
            raise ValueError(f"{action} is not allowed from {status} in {moves}")
        steps.append((status, move.to_status or status))
        status = move.to_status or status
    return steps


def final_status(moves: tuple[A, ...]) -> str:
    steps = replay(moves)
    return steps[-1][1] if steps else S.SUBMITTED


def step_gap(action: A, fraction: float) -> timedelta:
    """The time an `action` took, `fraction` (0..1) of the way between its shortest and
    longest."""
    shortest, longest = STEP_MINUTES[action]
    return timedelta(minutes=shortest + (longest - shortest) * fraction)


def _check_paths() -> None:
    for _weight, moves in OPEN_PATHS:
        replay(moves)
    for _weight, moves in FINISHED_PATHS:
        if final_status(moves) in AWAITING_RESPONSE + AWAITING_COMPLETION:
            raise ValueError(f"{moves} does not finish")


_check_paths()
