"""A change is seen by every worker of the server that made it at once (the stamp files),
and by every other server within CACHE_SYNC_SECONDS (the stamps in Redis)."""

from __future__ import annotations

import time

import pytest

from app.catalog.models import Category
from app.extensions import db
from tests.cache.conftest import running
from tests.catalog.test_catalog_api import add_category
from tests.helpers.apps import REDIS_TEST_URL
from tests.helpers.queries import count_queries


def names(server) -> list[str]:
    body = server.test_client().get("/api/v1/catalog").get_json()
    return [category["name"] for category in body["categories"]]


def rename(server, name: str) -> None:
    with server.app_context():
        db.session.scalar(db.select(Category)).name = name
        db.session.commit()


def seed(server) -> None:
    with server.app_context():
        add_category("public", "政务代办")
        db.session.commit()


def test_another_worker_of_the_server_sees_a_change_at_once(database_file, tmp_path):
    stamps = tmp_path / "stamps"
    with running(database_file, stamps) as one, running(database_file, stamps) as two:
        seed(one)
        assert names(one) == names(two) == ["政务代办"]
        rename(two, "政务服务")
        assert names(one) == ["政务服务"]


def test_a_command_run_on_the_server_invalidates_its_workers(database_file, tmp_path):
    stamps = tmp_path / "stamps"
    with running(database_file, stamps) as worker, running(database_file, stamps) as command:
        seed(worker)
        assert names(worker) == ["政务代办"]
        with command.app_context():
            command.extensions["ready_answers"].invalidate({"catalog"})
            db.session.execute(db.update(Category).values(name="直接改的"))
            db.session.commit()
        assert names(worker) == ["直接改的"]


@pytest.mark.redis
def test_another_server_sees_a_change_within_a_second(database_file, tmp_path, redis_db15):
    settings = {"REDIS_URL": REDIS_TEST_URL, "CACHE_SYNC_SECONDS": 0.5}
    with (
        running(database_file, tmp_path / "a", **settings) as a,
        running(database_file, tmp_path / "b", **settings) as b,
    ):
        seed(a)
        assert names(a) == names(b) == ["政务代办"]
        rename(a, "政务服务")
        assert names(a) == ["政务服务"]  # the writing server: at once
        changed_at = time.monotonic()
        while names(b) != ["政务服务"]:
            assert time.monotonic() - changed_at < 1.0, "the other server still has the old answer"
            time.sleep(0.05)


def test_without_redis_the_answers_are_built_anew(database_file, tmp_path):
    unreachable = {"REDIS_URL": "redis://127.0.0.1:1/0", "CACHE_SYNC_SECONDS": 0.0}
    with running(database_file, tmp_path / "a", **unreachable) as server:
        seed(server)
        assert names(server) == ["政务代办"]
        with server.app_context(), count_queries() as statements:
            assert names(server) == ["政务代办"]
        assert statements, "an answer was kept although no stamp could be read"
        rename(server, "政务服务")  # the stamp cannot be shared: logged, not raised
        assert names(server) == ["政务服务"]
