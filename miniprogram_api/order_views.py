"""What the three order blueprints (resident, member, staff) share: the order as the caller
may see it, and the 404-before-422 guard for moves that take a body."""

from __future__ import annotations

from functools import wraps

from flask import Response, jsonify

from app.orders.access import Viewer, facts_for, managed_facts
from app.orders.listing import detailed, listed_page
from app.orders.models import Order
from app.orders.snapshot import OrderSnapshot
from app.orders.vocabulary import Action
from miniprogram_api.security import current_user


def seen(order: Order | OrderSnapshot, status: int = 200) -> Response:
    """The order's detail as the calling user may see it (phone masked or not), in
    OrderDetailSchema's shape (app.orders.listing)."""
    response = jsonify(detailed(order, Viewer(current_user())))
    response.status_code = status
    return response


def seen_page(page: dict) -> Response:
    """A page of listed rows (app.orders.listing), already in OrderSchema's shape."""
    return jsonify(listed_page(page, Viewer(current_user())))


def order_scope(action: Action | None):
    """Answer 404 for an order the caller may not reach before its body is parsed, as the
    contract puts 404 before 422. Goes between `auth_required` and `blp.arguments`. With
    `action` None: an order of a community the caller manages (internal notes)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, order_id: int, **kwargs):
            if action is None:
                managed_facts(current_user(), order_id)
            else:
                facts_for(action, current_user(), order_id)
            return view(*args, order_id=order_id, **kwargs)

        return wrapped

    return decorator
