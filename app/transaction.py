"""The one transaction boundary of every use case that writes.

A service function decorated with `@use_case` commits once when it returns and rolls back
when it raises, so a refused call writes nothing. Nothing else in a service commits or rolls
back. A use case never calls another use case: both call the undecorated function they share.

A unique or check constraint that the database enforces (the way races are settled) surfaces
as an `IntegrityError`; the decorator turns it into the use case's own domain error."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar, overload

from sqlalchemy.exc import IntegrityError

from app import sqlite_settings
from app.errors import Conflict, DomainError
from app.extensions import db

P = ParamSpec("P")
R = TypeVar("R")
# What an IntegrityError becomes: an error class, or a function of the use case's arguments
# that returns the error.
ConflictError = type[DomainError] | Callable[..., DomainError]


@overload
def use_case(function: Callable[P, R]) -> Callable[P, R]: ...


@overload
def use_case(
    *, conflict: ConflictError | None = None, keep_loaded: bool = False
) -> Callable[[Callable[P, R]], Callable[P, R]]: ...


def use_case(
    function: Callable[P, R] | None = None,
    *,
    conflict: ConflictError | None = None,
    keep_loaded: bool = False,
) -> Any:
    """`@use_case`, or `@use_case(conflict=SomeError)` to name the error that a violated
    constraint means for this use case (default: a plain 409 CONFLICT).

    `keep_loaded=True`: what the use case returns was read as it now is inside the
    transaction (the order moves: the UPDATE's values and the timeline), so the commit keeps
    it instead of expiring it, and the answer is written without a second trip to the
    database."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @wraps(function)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                sqlite_settings.begin_writing()
                result = function(*args, **kwargs)
                _commit(expire=not keep_loaded)
                return result
            except IntegrityError as exc:
                db.session.rollback()
                raise _conflict(conflict, args, kwargs) from exc
            except BaseException:
                db.session.rollback()
                raise

        return run

    return decorate(function) if function is not None else decorate


def _commit(expire: bool) -> None:
    session = db.session()
    session.expire_on_commit = expire
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def _conflict(conflict: ConflictError | None, args: tuple, kwargs: dict) -> DomainError:
    if conflict is None:
        return Conflict()
    if isinstance(conflict, type):
        return conflict()
    return conflict(*args, **kwargs)
