"""`seed load --orders N`: a large, realistic database, for measuring the platform at size.

It loads on top of the demo data (the catalog is the demo's; `seed demo` runs first when the
database is empty) and only once: a database that already holds a load, or that has data
but no catalog, is refused with the reason. About 50 communities in 9 streets, 10 orders
per resident and 300 per member at a million orders (`load_town.Sizes`); every order has
its whole timeline, completions their points, many finished orders a follow-up call.
Rows are written in batches (COPY on PostgreSQL) in one transaction, a chunk of orders at a
time, so memory stays bounded however many orders there are."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, inspect, select

from app.accounts.models import User, UserRole
from app.catalog.models import CatalogItem
from app.clock import utcnow
from app.errors import Conflict
from app.extensions import db
from app.members.models import MemberProfile
from app.org.models import Building, Community, Grid, Street
from app.points.services import rebuild_balances
from app.seed.bulk import BulkWriter, vacuum_analyze
from app.seed.load_orders import MODELS as ORDER_MODELS
from app.seed.load_orders import ItemRef, OrderMaker
from app.seed.load_people import write_people
from app.seed.load_town import CODE_PREFIX, Sizes, build_town
from app.transaction import use_case

CHUNK = 5000
PLACE_MODELS = (Street, Community, Grid, Building)
PEOPLE_MODELS = (User, UserRole, MemberProfile)
LOADED_MODELS = (*PLACE_MODELS, *PEOPLE_MODELS, *ORDER_MODELS)


@dataclass(frozen=True)
class LoadReport:
    sizes: Sizes
    written: dict[str, int]
    seconds: float


def check_loadable() -> str | None:
    """Why this database cannot take a load (in Chinese), or None if it can. "empty" means
    it needs the demo first."""
    inspector = inspect(db.engine)
    if "orders" not in inspector.get_table_names():
        return "数据库还没有建表：请先运行 flask --app wsgi db upgrade"
    missing = [
        f"{table.name}.{column.name}"
        for table in map(_table_of, LOADED_MODELS)
        for column in table.columns
        if column.name not in {c["name"] for c in inspector.get_columns(table.name)}
    ]
    if missing:
        upgrade = "请先运行 flask --app wsgi db upgrade"
        return f"数据库结构不是最新的（缺少 {', '.join(missing)}）：{upgrade}"
    loaded = db.session.scalar(
        select(Community.code).where(Community.code.startswith(CODE_PREFIX)).limit(1)
    )
    if loaded is not None:
        return f"数据库里已经有批量载入的数据（社区 {loaded}）：请换一个新建的数据库再载入"
    return None


def _table_of(model) -> Table:
    return model.__table__


def needs_demo() -> bool:
    return db.session.scalar(select(CatalogItem.id).limit(1)) is None


@use_case
def load_orders(
    orders: int,
    seed: int = 8,
    echo: Callable[[str], None] = print,
    progress: Callable[[int], None] = lambda done: None,
) -> LoadReport:
    """Load `orders` orders and the people and places they need, reproducibly from `seed`.
    `progress` is told how many orders each written chunk held."""
    reason = check_loadable() or (
        "数据库里没有服务清单：请先运行 seed demo" if needs_demo() else None
    )
    if reason:
        raise Conflict(message=reason)
    began, now, rng = time.monotonic(), utcnow(), random.Random(seed)
    sizes = Sizes.for_orders(orders)
    writer = BulkWriter()
    town = build_town(writer, sizes, now)
    write_people(writer, town, now, rng)
    echo(_people_line(sizes, began))
    items = [
        ItemRef.of(item)
        for item in db.session.scalars(select(CatalogItem).order_by(CatalogItem.id))
    ]
    maker = OrderMaker(writer, town, items, now, rng)
    with writer.checks_deferred(ORDER_MODELS):
        for first in range(0, orders, CHUNK):
            maker.write_chunk(first, min(CHUNK, orders - first))
            progress(min(CHUNK, orders - first))
        rebuild_balances()
        echo(f"工单写入完成（{time.monotonic() - began:.0f} 秒），重建索引与外键约束 ...")
    writer.finish(LOADED_MODELS)
    return LoadReport(sizes, dict(writer.written), time.monotonic() - began)


def _people_line(sizes: Sizes, began: float) -> str:
    c = sizes.communities
    return (
        f"{sizes.streets} 个街道，{c} 个社区，每个社区 4 个网格、24 栋楼；"
        f"居民 {c * sizes.residents_per_community} 人，"
        f"报到党员 {c * sizes.members_per_community} 人"
        f"（每 20 人有 1 人待审核），工作人员 {c * 2} 人"
        f"（{time.monotonic() - began:.1f} 秒）"
    )


def summary(report: LoadReport) -> str:
    tables = ", ".join(f"{name} {count:,}" for name, count in report.written.items())
    rate = report.sizes.orders / report.seconds if report.seconds else 0
    return f"批量载入完成：用时 {report.seconds:.1f} 秒（每秒 {rate:,.0f} 个工单）；写入 {tables}"


def tidy_up(echo: Callable[[str], None] = print) -> None:
    """After the load has committed: VACUUM ANALYZE its tables (PostgreSQL)."""
    began = time.monotonic()
    vacuum_analyze(LOADED_MODELS)
    if db.engine.dialect.name == "postgresql":
        echo(f"VACUUM ANALYZE 完成（{time.monotonic() - began:.1f} 秒）")
