"""Wrong staff passwords slow the guesser down, not the staff member.

Failures are counted per (username, client address) in the database, so every worker and
app server sees the same count; a count quiet for LOGIN_LOCK_MINUTES is forgotten, so the
table holds only recent guessers. After LOGIN_MAX_FAILURES in a row, that username is refused
from that address for LOGIN_LOCK_MINUTES (429 with Retry-After); the staff member signs in
from any other address, and `flask staff unlock USERNAME` lifts every lock of a username."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import case, delete, or_, select

from app.accounts.models import LoginThrottle
from app.clock import utcnow
from app.db_types import upsert
from app.errors import RateLimited
from app.extensions import db

security_log = logging.getLogger("app.security")


def refuse_if_locked(username: str, client: str) -> None:
    locked_until = db.session.scalar(
        select(LoginThrottle.locked_until).where(
            LoginThrottle.username == username, LoginThrottle.client == client
        )
    )
    seconds = int((locked_until - utcnow()).total_seconds()) if locked_until else 0
    if seconds > 0:
        security_log.warning("login refused while locked: username=%r client=%s", username, client)
        minutes = max(1, -(-seconds // 60))
        raise RateLimited(
            f"密码错误次数过多，已暂时锁定，请 {minutes} 分钟后再试",
            headers={"Retry-After": str(seconds)},
        )


def count_failure(username: str, client: str) -> None:
    """One atomic upsert, so concurrent wrong guesses are all counted; the one that reaches
    the limit sets the lock and starts the count again. Committed at once: the failed login
    that called it is rolled back, and the count must outlast that."""
    now = utcnow()
    window = timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
    until = now + window
    _forget_stale(now - window, now)
    limit = current_app.config["LOGIN_MAX_FAILURES"]
    reached = LoginThrottle.failures + 1 >= limit
    first_locks = limit <= 1
    insert = upsert(LoginThrottle, db.engine.dialect.name).values(
        username=username,
        client=client,
        failures=0 if first_locks else 1,
        locked_until=until if first_locks else None,
        updated_at=now,
    )
    stmt = insert.on_conflict_do_update(
        index_elements=["username", "client"],
        set_={
            "failures": case((reached, 0), else_=LoginThrottle.failures + 1),
            "locked_until": case((reached, until), else_=LoginThrottle.locked_until),
            "updated_at": now,
        },
    ).returning(LoginThrottle.locked_until)
    locked_until: datetime | None = db.session.execute(stmt).scalar()
    db.session.commit()
    security_log.warning("login failed: username=%r client=%s", username, client)
    if locked_until is not None and locked_until > now:
        security_log.warning(
            "login locked: username=%r client=%s until=%s",
            username,
            client,
            locked_until.isoformat(),
        )


def _forget_stale(quiet_since: datetime, now: datetime) -> None:
    """Counts with no failure since `quiet_since` and no lock in force: however many
    usernames a guesser sprays, the table keeps only the recent ones."""
    db.session.execute(
        delete(LoginThrottle).where(
            LoginThrottle.updated_at < quiet_since,
            or_(LoginThrottle.locked_until.is_(None), LoginThrottle.locked_until <= now),
        )
    )


def forget_failures(username: str, client: str) -> None:
    """A right password starts the count again, for this address."""
    db.session.execute(
        delete(LoginThrottle).where(
            LoginThrottle.username == username, LoginThrottle.client == client
        )
    )


def unlock(username: str) -> int:
    """Lift every lock and count of a username (an admin's unlock); how many were lifted."""
    result = db.session.execute(delete(LoginThrottle).where(LoginThrottle.username == username))
    return int(getattr(result, "rowcount", 0) or 0)
