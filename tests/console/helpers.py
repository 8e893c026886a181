"""Helpers for console tests: forms carry a CSRF token, read from the page like a browser."""
from __future__ import annotations

import re

from tests.helpers.factories import STAFF_PASSWORD

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, path: str = "/console/login") -> str:
    page = client.get(path)
    match = _TOKEN.search(page.get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def console_login(client, user, password: str = STAFF_PASSWORD):
    return client.post("/console/login", data={
        "username": user.username, "password": password, "csrf_token": csrf_token(client)})


def post_form(client, path: str, data: dict | None = None, token_from: str = "/console/"):
    """POST a console form as the page would, with the session's CSRF token."""
    return client.post(path, data={**(data or {}), "csrf_token": csrf_token(client, token_from)})
