"""Calls released together: one thread each, held at a barrier until every thread is ready."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


def all_at_once(calls: list[Callable[[], T]], timeout: float = 60) -> list[T]:
    """The results of `calls`, in order, each made in its own thread at the same moment; an
    exception in any thread fails the caller."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int, call: Callable[[], T]) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            results[index] = exc

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    errors = [r for r in results if isinstance(r, BaseException) or r is None]
    assert not errors, errors
    return results


@contextmanager
def racing_app(threads: int):
    """A second app on the PostgreSQL test database whose pool holds a connection for every
    thread (the default pool would make some wait in line)."""
    from app import create_app
    from app.extensions import db
    from tests.helpers.apps import BACKENDS, make_config

    options = {"pool_pre_ping": True, "pool_size": threads + 2, "max_overflow": 0}
    app = create_app(make_config(BACKENDS["postgresql"], SQLALCHEMY_ENGINE_OPTIONS=options))
    try:
        yield app
    finally:
        with app.app_context():
            db.engine.dispose()


def run_together(app, requests: list[tuple[str, dict, dict | None]]) -> list[tuple[int, dict]]:
    """POST every (path, headers, body) of the API at once, one thread each; returns
    (status, json) in order."""
    from tests.helpers.api import API

    def sender(path: str, headers: dict, body: dict | None):
        def send() -> tuple[int, dict]:
            with app.app_context():
                response = app.test_client().post(f"{API}{path}", json=body, headers=headers)
                return response.status_code, response.get_json()

        return send

    return all_at_once([sender(*request) for request in requests])
