"""Apps that stand for workers and servers: on one SQLite file, each with its own answer
store; workers of one server share a stamp directory, servers share only Redis."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from app import create_app
from app.extensions import db
from tests.helpers.apps import make_config


@pytest.fixture
def database_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    first = create_app(make_config(url))
    with first.app_context():
        db.create_all()
    yield url
    with first.app_context():
        db.engine.dispose()


@contextmanager
def running(url: str, stamp_dir, **overrides):
    """An app on the database at `url`, as one worker of the server owning `stamp_dir`."""
    server = create_app(make_config(url, CACHE_STAMP_DIR=str(stamp_dir), **overrides))
    try:
        yield server
    finally:
        with server.app_context():
            db.engine.dispose()
