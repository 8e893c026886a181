"""Calls released together: one thread each, held at a barrier until every thread is ready."""

from __future__ import annotations

import threading
from collections.abc import Callable
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
