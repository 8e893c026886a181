"""Calls to the cluster's servers by base URL, as a user (an Authorization header) or not."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

import pytest

from tests.helpers.servers import http

API = "/api/v1"


def call(server: str, method: str, path: str, headers: dict, body: dict | None = None):
    """(status, JSON, headers) of `method` API + `path` on `server`."""
    return http(f"{server}{API}{path}", method, body, headers)


def get_json(server: str, path: str, headers: dict) -> dict:
    status, body, _ = call(server, "GET", path, headers)
    assert status == 200, (server, path, body)
    return body


def posts(requests: list[tuple[str, str, dict, dict | None]]) -> list[Callable]:
    """One POST per (server, path, headers, body), to make later; each gives (status, JSON)."""
    return [functools.partial(_post, *request) for request in requests]


def _post(server: str, path: str, headers: dict, body: dict | None) -> tuple[int, dict]:
    status, answer, _ = call(server, "POST", path, headers, body)
    return status, answer


def seconds_until(check: Callable[[], bool], deadline: float) -> float:
    """How long until `check()` holds, asking again and again; fails past `deadline` s."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > deadline:
            pytest.fail(f"not seen within {deadline} s")
        time.sleep(0.02)
    return time.monotonic() - start
