"""The benchmark's throw-away database and its data: a fresh SQLite file or PostgreSQL
database, migrated, with the demo loaded and one resident's orders added."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def database(server_url: str | None, workdir: Path) -> Iterator[str]:
    """A database URL: SQLite in `workdir`, or a new database on the PostgreSQL `server_url`
    that is dropped afterwards."""
    if server_url is None:
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def server_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "APP_ENV": "development",
        "WECHAT_FAKE": "1",
        "SECRET_KEY": f"bench-{uuid.uuid4().hex}",
    }


def flask_cli(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def add_orders(database_url: str, resident_id: int, count: int) -> None:
    """Direct inserts (the service layer would make this slow and is not what is measured)."""
    from sqlalchemy import select

    from app import create_app
    from app.catalog.models import CatalogItem
    from app.extensions import db
    from app.orders.models import Order, OrderEvent
    from app.org.models import Community
    from config import DevelopmentConfig

    config = type("BenchConfig", (DevelopmentConfig,), {"SQLALCHEMY_DATABASE_URI": database_url})
    with create_app(config).app_context():
        community = db.session.scalars(select(Community).where(Community.code == "demo-a")).one()
        item = db.session.scalars(select(CatalogItem).order_by(CatalogItem.id)).first()
        for i in range(count):
            order = Order(
                community_id=community.id,
                resident_id=resident_id,
                item_id=item.id,
                description=f"压测工单 {i}：帮忙修理水龙头",
                address="红谷滩区丰和中大道 1 号",
                contact_phone="13800138000",
                status="submitted",
                photos=[],
                completion_photos=[],
            )
            order.events.append(
                OrderEvent(action="create", to_status="submitted", actor_id=resident_id)
            )
            db.session.add(order)
        db.session.commit()
        db.engine.dispose()
