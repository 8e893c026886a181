import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.extensions import db

seed_cli = AppGroup("seed", help="载入数据 (load data)")


def _database_is_empty() -> bool:
    from app.models import Street, User

    return (
        db.session.scalar(select(Street.id).limit(1)) is None
        and db.session.scalar(select(User.id).limit(1)) is None
    )


@seed_cli.command("demo")
@click.option(
    "--if-empty",
    is_flag=True,
    help="只在数据库为空时载入 (load only into an empty database; used by `make run`)",
)
def demo(if_empty: bool) -> None:
    """载入演示数据：街道、社区、服务清单、场所、演示账号和工单（可重复运行）。"""
    from app.seed.demo import load_demo

    if if_empty and not _database_is_empty():
        click.echo("数据库已有数据，跳过演示数据 (database not empty: demo data not loaded)")
        return
    load_demo(echo=click.echo)


@seed_cli.command("load")
@click.option("--orders", type=click.IntRange(min=1), default=1_000_000, show_default=True)
@click.option("--seed", "seed_value", type=int, default=8, show_default=True, help="随机种子")
def load(orders: int, seed_value: int) -> None:
    """批量载入大数据量：约 50 个社区、10 万居民、数千党员和 N 个带完整时间线的工单。

    在演示数据之上载入（空数据库先载入演示数据），每个数据库只能载入一次。"""
    from app.errors import DomainError
    from app.seed.demo import load_demo
    from app.seed.load import check_loadable, load_orders, needs_demo, summary, tidy_up

    reason = check_loadable()
    if reason:
        raise click.ClickException(reason)
    if needs_demo():
        click.echo("数据库为空：先载入演示数据（服务清单、演示账号）")
        load_demo(echo=lambda line: None)
    click.echo(f"开始载入 {orders:,} 个工单（随机种子 {seed_value}）...")
    with _progress(orders) as (update, echo):
        try:
            report = load_orders(orders, seed_value, echo=echo, progress=update)
        except DomainError as error:
            raise click.ClickException(error.message) from error
    click.echo(summary(report))
    tidy_up(echo=click.echo)


@contextmanager
def _progress(total: int) -> Iterator[tuple[Callable[[int], None], Callable[[str], None]]]:
    """A progress bar on a terminal; elsewhere (a log) a line at every tenth."""
    if sys.stdout.isatty():
        with click.progressbar(length=total, label="工单", show_pos=True) as bar:
            yield bar.update, lambda line: click.echo("\n" + line)
        return
    began, done = time.monotonic(), [0]

    def update(count: int) -> None:
        before, done[0] = done[0], done[0] + count
        if done[0] * 10 // total > before * 10 // total or done[0] == total:
            elapsed = time.monotonic() - began
            click.echo(f"    已写入 {done[0]:,} / {total:,} 个工单（{elapsed:.0f} 秒）")

    yield update, click.echo
