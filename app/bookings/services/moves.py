"""A booking's moves, each one conditional UPDATE of its status, so of two moves racing
exactly one wins: pending → approved or rejected (staff), pending or approved → cancelled
(its booker, before it starts), approved → checked_in (its booker, from 15 minutes before
the start to the end), approved → no_show (the worker, 30 minutes after an unattended
start), pending → rejected (the worker, when nobody decided by the start). A pending
booking already holds its time: approving it checks nothing again."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, select, update

from app.accounts.models import User
from app.bookings.access import managed_booking, own_booking
from app.bookings.models import Booking, BookingStatus
from app.bookings.notices import tell_decided
from app.clock import utcnow
from app.db_types import rowcount
from app.errors import BookingCheckinClosed, BookingStateConflict
from app.extensions import db
from app.transaction import use_case

BOOKINGS = cast(Table, Booking.__table__)
CHECKIN_OPENS = timedelta(minutes=15)
NO_SHOW_AFTER = timedelta(minutes=30)
CANCELLABLE = (BookingStatus.PENDING, BookingStatus.APPROVED)
UNDECIDED_REASON = "开始前未获审核，预约已自动关闭"


@use_case
def approve(actor: User, booking_id: int, whole_series: bool = False) -> Booking:
    """Approve the booking; `whole_series`: also the later pending weeks of its weekly
    series, the booker told once."""
    booking, decided = _decide(actor, booking_id, BookingStatus.APPROVED, None)
    weeks = 1
    if whole_series and booking.series_id:
        later = db.session.execute(
            update(BOOKINGS)
            .where(
                BOOKINGS.c.series_id == booking.series_id,
                BOOKINGS.c.status == BookingStatus.PENDING,
                BOOKINGS.c.start_at > booking.start_at,
            )
            .values(status=BookingStatus.APPROVED, **decided)
        )
        weeks += rowcount(later)
    return _told(booking, weeks)


@use_case
def reject(actor: User, booking_id: int, reason: str) -> Booking:
    booking, _ = _decide(actor, booking_id, BookingStatus.REJECTED, reason)
    return _told(booking, 1)


@use_case
def cancel(actor: User, booking_id: int, whole_series: bool = False) -> Booking:
    """Cancel the booking; `whole_series`: also the later ones of its weekly series that
    may still be cancelled."""
    booking = own_booking(actor, booking_id)
    now = utcnow()
    not_started = BOOKINGS.c.start_at > now
    if not _move(booking.id, CANCELLABLE, BookingStatus.CANCELLED, not_started, cancelled_at=now):
        raise BookingStateConflict()
    if whole_series and booking.series_id:
        db.session.execute(
            update(BOOKINGS)
            .where(
                BOOKINGS.c.series_id == booking.series_id,
                BOOKINGS.c.status.in_(CANCELLABLE),
                BOOKINGS.c.start_at > booking.start_at,
            )
            .values(status=BookingStatus.CANCELLED, cancelled_at=now)
        )
    return _reloaded(booking)


@use_case
def check_in(actor: User, booking_id: int) -> Booking:
    """签到; again is answered with the booking, nothing changed."""
    booking = own_booking(actor, booking_id)
    now = utcnow()
    window = (BOOKINGS.c.start_at <= now + CHECKIN_OPENS) & (BOOKINGS.c.end_at > now)
    approved = (BookingStatus.APPROVED,)
    if _move(booking.id, approved, BookingStatus.CHECKED_IN, window, checked_in_at=now):
        return _reloaded(booking)
    booking = _reloaded(booking)
    if booking.status == BookingStatus.CHECKED_IN:
        return booking
    if booking.status != BookingStatus.APPROVED:
        raise BookingStateConflict()
    raise BookingCheckinClosed()


@use_case
def mark_no_shows(now: datetime) -> int:
    """Approved bookings nobody checked in to 30 minutes after their start: one statement,
    so several workers running it at once mark each once."""
    result = db.session.execute(
        update(BOOKINGS)
        .where(
            BOOKINGS.c.status == BookingStatus.APPROVED,
            BOOKINGS.c.start_at <= now - NO_SHOW_AFTER,
        )
        .values(status=BookingStatus.NO_SHOW)
    )
    return rowcount(result)


@use_case
def close_undecided(now: datetime) -> int:
    """Pending bookings whose start came without a decision are rejected, and their bookers
    told: the room's time is past, so nobody is left waiting. One statement, so of several
    workers each booking is closed, and told, once."""
    closed = db.session.scalars(
        update(BOOKINGS)
        .where(BOOKINGS.c.status == BookingStatus.PENDING, BOOKINGS.c.start_at <= now)
        .values(status=BookingStatus.REJECTED, decided_at=now, reason=UNDECIDED_REASON)
        .returning(BOOKINGS.c.id)
    ).all()
    for booking in db.session.scalars(select(Booking).where(Booking.id.in_(closed))):
        tell_decided(booking)
    return len(closed)


def _decide(
    actor: User, booking_id: int, status: BookingStatus, reason: str | None
) -> tuple[Booking, dict]:
    """pending → status by the actor; the booking and what its decision wrote."""
    booking = managed_booking(actor, booking_id)
    decided = {"decided_by_id": actor.id, "decided_at": utcnow(), "reason": reason}
    if not _move(booking.id, (BookingStatus.PENDING,), status, **decided):
        raise BookingStateConflict()
    return booking, decided


def _told(booking: Booking, weeks: int) -> Booking:
    booking = _reloaded(booking)
    tell_decided(booking, weeks=weeks)
    return booking


def _move(booking_id: int, sources: tuple, status: BookingStatus, *conditions, **values) -> bool:
    """sources → status, when the conditions hold; False when nothing moved."""
    stmt = (
        update(BOOKINGS)
        .where(BOOKINGS.c.id == booking_id, BOOKINGS.c.status.in_(sources), *conditions)
        .values(status=status, **values)
    )
    return db.session.execute(stmt.returning(BOOKINGS.c.id)).first() is not None


def _reloaded(booking: Booking) -> Booking:
    db.session.refresh(booking)
    return booking
