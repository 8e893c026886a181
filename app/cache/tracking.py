"""Invalidation where the writes are: every flush and every DML statement run through the
session notes the tables it touched; after the commit (never before: another worker could
rebuild from the old rows under the new stamp) the caches built from them are bumped. A
rollback forgets them. So each use case invalidates what it changed in the same transaction,
without a call to remember. A write that bypasses the session (COPY in `seed load`) names its
tables with `note_written`, and is then bumped after the commit like the others."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from app.cache.store import answers, caches_of
from app.extensions import db

TOUCHED = "touched_tables"


def install() -> None:
    if not event.contains(Session, "after_flush", _note_flush):
        event.listen(Session, "after_flush", _note_flush)
        event.listen(Session, "do_orm_execute", _note_statement)
        event.listen(Session, "after_commit", _bump)
        event.listen(Session, "after_rollback", _forget)


def note_written(*tables: str) -> None:
    """Tables this transaction wrote to without the session seeing it."""
    _touched(db.session()).update(tables)


def _touched(session: Session) -> set[str]:
    return session.info.setdefault(TOUCHED, set())


def _note_flush(session: Session, flush_context: UOWTransaction) -> None:
    touched = _touched(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        touched.update(table.name for table in obj.__mapper__.tables)


def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if table is not None:
            _touched(state.session).add(table.name)


def _bump(session: Session) -> None:
    touched = session.info.pop(TOUCHED, None)
    if touched:
        answers().invalidate(caches_of(touched))


def _forget(session: Session) -> None:
    session.info.pop(TOUCHED, None)
