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
