"""The worker in tests: the queue's tasks run here, through Huey's own dequeue and execute
(`drain`), or a real `flask --app wsgi worker` process on a test database (`worker_process`)."""

from __future__ import annotations

import subprocess
from contextlib import contextmanager
from pathlib import Path

from app.worker import tasks
from app.worker.queue import queue
from tests.helpers.servers import BIN, ROOT, stop

TEMPLATES = {
    "order_dispatched": "TPL-DISPATCHED",
    "order_accepted": "TPL-ACCEPTED",
    "order_rejected": "TPL-REJECTED",
    "order_completed": "TPL-COMPLETED",
    "announcement": "TPL-ANNOUNCEMENT",
    "order_due_soon": "TPL-DUE-SOON",
}


def drain(limit: int = 1000) -> list:
    """Run every task waiting in the queue (and those they enqueue), in this process and
    this app context; returns their results."""
    results = []
    for _ in range(limit):
        task = queue.dequeue()
        if task is None:
            return results
        results.append(queue.execute(task))
    raise AssertionError(f"the queue still holds tasks after {limit}")


def sweep() -> int:
    """The scheduled sweep of the outbox, as the worker runs it every minute."""
    return tasks.sweep_outbox.call_local()


@contextmanager
def worker_process(env: dict, log_path: Path, threads: int = 2):
    """`flask --app wsgi worker` with `env`, until the block ends (SIGTERM, then SIGKILL)."""
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [BIN / "flask", "--app", "wsgi", "worker", "--threads", str(threads)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            stop(process)
