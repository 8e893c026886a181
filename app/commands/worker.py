"""`flask --app wsgi worker`: the background worker (Huey's consumer) until stopped.

Ctrl-C (SIGINT) stops it after the tasks in hand; SIGTERM at once (what is in hand is sent
again by the next worker's sweep). Several may run at once, on one server or many."""

import logging

import click
from flask import current_app

from app.worker import tasks
from app.worker.queue import queue

log = logging.getLogger(__name__)


@click.command("worker")
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    default=None,
    help="同时处理的任务数 (worker threads; default WORKER_THREADS)",
)
def worker_cli(threads: int | None) -> None:
    """运行后台任务：订阅消息发送与定时任务 (run the background worker)。"""
    threads = threads or current_app.config["WORKER_THREADS"]
    storage = type(queue.storage).__name__
    log.info(
        "worker starting: %s threads, queue in %s, jobs %s",
        threads,
        storage,
        tasks.periodic_names(),
    )
    # An idle worker looks at a SQLite queue at least every second (Redis wakes it at once).
    consumer = queue.create_consumer(
        workers=threads, worker_type="thread", periodic=True, max_delay=1.0
    )
    consumer.run()
