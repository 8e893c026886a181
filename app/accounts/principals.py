"""The caller of a bearer-token request: the user and their roles, kept per process for
PRINCIPAL_CACHE_SECONDS as a detached snapshot, enough to check a role; `attach` merges it
into the request's session without a query when a service needs it. Any commit that
touches users or their roles (a role granted or taken, an account switched off, a login)
bumps the cache's stamp, so it is dropped at once on this server and within
CACHE_SYNC_SECONDS on the others; the time limit only bounds what a change made behind the
platform's back (by hand, in SQL) can leave."""

from __future__ import annotations

import time
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import inspect, select
from sqlalchemy.orm import joinedload, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from app.accounts.models import User, UserRole
from app.cache import answers, register
from app.extensions import db

PRINCIPALS = register("principals", [User, UserRole])


@dataclass(frozen=True)
class Kept:
    user: User
    until: float


def caller(user_id: int) -> User | None:
    """The user with their roles, the kept snapshot or loaded by one indexed query."""
    ttl = current_app.config["PRINCIPAL_CACHE_SECONDS"]
    if not ttl:
        return _load(user_id)
    store, key = answers(), str(user_id)
    kept = store.get(PRINCIPALS, key)
    if kept is not None and kept.until > time.monotonic():
        return kept.user
    stamp = store.stamp(PRINCIPALS)  # before the read, as for every cached answer
    user = _load(user_id)
    if user is not None:
        store.put(PRINCIPALS, key, stamp, Kept(_snapshot(user), time.monotonic() + ttl))
    return user


def attach(user: User) -> User:
    """`user` in this request's session: a kept snapshot is merged, without a query."""
    if inspect(user).detached:
        return db.session.merge(user, load=False)
    return user


def _load(user_id: int) -> User | None:
    stmt = select(User).options(joinedload(User.roles)).where(User.id == user_id)
    return db.session.execute(stmt).unique().scalar_one_or_none()


def _snapshot(user: User) -> User:
    """A copy of the loaded user and roles that belongs to no session, as if just loaded."""
    copy = _detached(user)
    set_committed_value(copy, "roles", [_detached(role) for role in user.roles])
    return copy


def _detached(obj):
    columns = {attr.key: getattr(obj, attr.key) for attr in obj.__mapper__.column_attrs}
    copy = type(obj)(**columns)
    make_transient_to_detached(copy)
    return copy
