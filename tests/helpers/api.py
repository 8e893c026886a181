"""Calling the mini-program API as one of the test's users, and checking the error envelope
`{"error": {"code", "message", "details"}}`. Paths given to `call`, `get`, `post` and `pages`
are under /api/v1."""

from __future__ import annotations

from app.accounts.tokens import issue_token
from tests.helpers.factories import STAFF_PASSWORD

API = "/api/v1"


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def auth(user) -> dict:
    """The Authorization header of a fresh token of `user`; none for None (anonymous)."""
    return bearer(issue_token(user.id)) if user is not None else {}


def call(client, user, method: str, path: str, body=None, headers: dict | None = None):
    """`method` ("get", "post" ...) of API + `path` as `user` (None: without a token)."""
    return getattr(client, method)(
        f"{API}{path}", json=body, headers={**auth(user), **(headers or {})}
    )


def get(client, user, path: str):
    return call(client, user, "get", path)


def post(client, user, path: str, body=None):
    return call(client, user, "post", path, body)


def get_json(client, user, path: str) -> dict:
    """The JSON of a GET that must answer 200."""
    response = get(client, user, path)
    assert response.status_code == 200, (path, response.get_json())
    return response.get_json()


def assert_error(response, status: int, code: str) -> dict:
    """The response is the error envelope with `status` and `code`; returns its "error"."""
    payload = response.get_json()
    assert response.status_code == status, payload
    assert payload is not None and "error" in payload, response.get_data(as_text=True)[:300]
    assert payload["error"]["code"] == code, payload
    return payload["error"]


def item_ids(body: dict) -> list[int]:
    return [item["id"] for item in body["items"]]


def pages(client, user, path: str) -> list[dict]:
    """Every page of a cursor-paged list, from `path` (query included) along next_cursor."""
    bodies, cursor = [], None
    while True:
        joiner = "&" if "?" in path else "?"
        bodies.append(get_json(client, user, path + (f"{joiner}cursor={cursor}" if cursor else "")))
        cursor = bodies[-1]["next_cursor"]
        if cursor is None:
            return bodies


def wechat_login(client, code, **request):
    """POST /auth/wechat with `code`; `request` goes to the test client (headers ...)."""
    return client.post(f"{API}/auth/wechat", json={"code": code}, **request)


def staff_login(client, user, password: str = STAFF_PASSWORD):
    """POST /auth/staff with `user`'s username (or `user` itself, a username)."""
    username = user if isinstance(user, str) or user is None else user.username
    return client.post(f"{API}/auth/staff", json={"username": username, "password": password})
