"""Fixtures of the cluster tests: one cluster for all of them (tests/helpers/cluster.py),
stopped and its Redis database emptied before the next folder's tests run; an app in the test
process on the cluster's database that writes what a test starts from and reads back what the
calls changed; and fresh users in the demo community `demo-a`."""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app import create_app
from app.extensions import db
from app.org.models import Community
from tests.helpers import factories
from tests.helpers.apps import make_config
from tests.helpers.cluster import running_cluster


@pytest.fixture(scope="package")
def cluster(tmp_path_factory, _fake_wechat_server):
    work = tmp_path_factory.mktemp("cluster")
    server_url, redis_url = os.environ["TEST_DATABASE_URL"], os.environ["REDIS_URL"]
    with running_cluster(work, _fake_wechat_server, server_url, redis_url) as running:
        yield running


@pytest.fixture(scope="package")
def cluster_app(cluster):
    """Signs tokens with the servers' SECRET_KEY; never a server itself."""
    app = create_app(
        make_config(cluster.database_url, SECRET_KEY=cluster.secret_key, REDIS_URL=None)
    )
    yield app
    with app.app_context():
        db.engine.dispose()


@dataclass
class Side:
    """What `tests.helpers.orders.seeded_order` needs, and a catalog item of 10 points."""

    community: Community
    resident: object
    member: object
    staff: object
    item: object


@pytest.fixture
def side(cluster_app):
    with cluster_app.app_context():
        community = db.session.scalar(select(Community).where(Community.code == "demo-a"))
        assert community is not None, "seed demo makes demo-a"
        fresh = Side(
            community,
            resident=factories.resident(),
            member=factories.member(community),
            staff=factories.staff(community),
            item=factories.catalog_item(points=10),
        )
        db.session.commit()
        yield fresh
        db.session.remove()
