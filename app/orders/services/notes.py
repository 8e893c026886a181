"""内部备注: staff's notes on an order, which only the staff who reach the order see (never
the resident or the member, and never on the timeline)."""

from __future__ import annotations

from app.accounts.models import User
from app.extensions import db
from app.orders.access import managed_facts
from app.orders.models import OrderNote
from app.transaction import use_case


@use_case
def add_note(order_id: int, actor: User, body: str) -> OrderNote:
    order = managed_facts(actor, order_id)
    note = OrderNote(order_id=order.id, author_id=actor.id, body=body)
    db.session.add(note)
    db.session.flush()
    return note
