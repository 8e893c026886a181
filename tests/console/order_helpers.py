"""Helpers for the order page, action and 代点单 tests: a signed-in staff client, reading a
page, and a snapshot of what an action could have changed."""
from __future__ import annotations

import html
import re

from sqlalchemy import func, select

from app.extensions import db
from app.orders.models import FollowUp, Order, OrderEvent
from tests.console.helpers import console_login, csrf_token


def signed_in(client, user):
    """Signed in through the login form; an account without a password (the factories'
    street admin) through the session it would get."""
    if user.password_hash is None:
        with client.session_transaction() as session:
            session["staff_id"] = user.id
        return client
    response = console_login(client, user)
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def page_text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def flashes(response) -> list[str]:
    return [html.unescape(m) for m in
            re.findall(r'class="flash flash-\w+"[^>]*>([^<]*)<', response.get_data(as_text=True))]


def field_errors(response) -> list[str]:
    return [html.unescape(m) for m in
            re.findall(r'class="field-error"[^>]*>([^<]*)<', response.get_data(as_text=True))]


def submit(client, path: str, data: dict | None = None, follow: bool = False):
    """POST a console form with the session's CSRF token, as the page would."""
    token = csrf_token(client, "/console/orders/new")
    return client.post(path, data={**(data or {}), "csrf_token": token},
                       follow_redirects=follow)


def snapshot(order_id: int) -> tuple:
    """Everything an action on the order may change."""
    order = db.session.get(Order, order_id, populate_existing=True)
    events = db.session.scalar(select(func.count()).select_from(OrderEvent).where(
        OrderEvent.order_id == order_id))
    follow_ups = db.session.scalar(select(func.count()).select_from(FollowUp).where(
        FollowUp.order_id == order_id))
    return (order.status, order.member_id, order.reject_reason, events, follow_ups)
