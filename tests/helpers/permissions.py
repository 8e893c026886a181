"""The permission matrix: who may call what, written as a table and run one case a test.

A `Case` is a caller, a method, a path under /api/v1 with `{placeholders}`, a body, and the
status and error code expected. `matrix(cases)` parametrises a test with them, one test id a
row ("a.staff-post-/staff/orders/{order}/approve-404"); in the test, `check(client, world,
case, **ids)` fills the placeholders from `ids`, makes the call and asserts the envelope:

    CASES = [Case("a.staff", "post", "/staff/orders/{order}/approve", 404),
             Case("anonymous", "get", "/orders/{order}", 401)]

    @matrix(CASES)
    def test_who_may_call_what(client, world, case):
        check(client, world, case, order=seeded_order(world.b, world.item).id)

Callers are the `world` fixture's users by name ("a.staff", "a.member", "a.resident", the
same with "b.", and "street_admin"), or one of BAD_TOKENS: "anonymous" (no header),
"forged token", "token without Bearer" (b.staff's), "basic auth". A body value "<b.member>"
is that user's id; a body may also be a function of the world. The code may be left out
for 401, 403 and 404, which always answer UNAUTHORIZED, FORBIDDEN and NOT_FOUND.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from app.accounts.tokens import issue_token
from tests.helpers.api import API, assert_error, auth

CODES = {401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND"}
BAD_TOKENS: dict[str, Callable[[Any], dict]] = {
    "anonymous": lambda world: {},
    "forged token": lambda world: {"Authorization": "Bearer forged.token"},
    "token without Bearer": lambda world: {"Authorization": issue_token(world.b.staff.id)},
    "basic auth": lambda world: {"Authorization": "Basic abc"},
}


@dataclass(frozen=True)
class Case:
    who: str
    method: str
    path: str
    status: int
    code: str = ""
    body: Any = None

    def __post_init__(self) -> None:
        if not self.code:
            object.__setattr__(self, "code", CODES[self.status])

    def __str__(self) -> str:
        body = "" if self.body is None else f"-{getattr(self.body, '__name__', self.body)}"
        return f"{self.who}-{self.method}-{self.path}{body}-{self.status}"


def matrix(cases: list[Case]):
    """Parametrise a test by `case`, one test id a case."""
    return pytest.mark.parametrize("case", cases, ids=str)


def headers_of(world, who: str) -> dict:
    return BAD_TOKENS[who](world) if who in BAD_TOKENS else auth(world.user(who))


def body_of(world, body):
    if callable(body):
        return body(world)
    if isinstance(body, dict):
        return {
            key: world.user(value[1:-1]).id
            if isinstance(value, str) and value.startswith("<")
            else value
            for key, value in body.items()
        }
    return body


def check(client, world, case: Case, **ids) -> dict:
    """Make the case's call; assert its status and code; returns the "error" object."""
    response = getattr(client, case.method)(
        API + case.path.format(**ids),
        json=body_of(world, case.body),
        headers=headers_of(world, case.who),
    )
    return assert_error(response, case.status, case.code)
