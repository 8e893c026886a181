"""Who may act on a wish: the order loop's own rule (`app.orders.access.can_act`), on an
order that is a wish; anything else is NOT_FOUND."""

from __future__ import annotations

from sqlalchemy import Row, select

from app.accounts.models import User
from app.errors import NotFound
from app.extensions import db
from app.orders.access import can_act
from app.orders.models import Order
from app.orders.vocabulary import Action
from app.wishes.models import WISH_KIND

_FACTS = select(Order.id, Order.status, Order.community_id, Order.resident_id, Order.member_id)


def wish_facts(action: Action, actor: User, order_id: int) -> Row:
    """The wish's order where `actor` may try `action` on it, else 404 (an order that is
    not a wish too). The views call it before parsing a body: 404 comes before 422."""
    facts = db.session.execute(_FACTS.where(Order.id == order_id, Order.kind == WISH_KIND)).first()
    if facts is None or not can_act(action, actor, facts):
        raise NotFound()
    return facts
