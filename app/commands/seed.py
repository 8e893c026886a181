import click
from flask.cli import AppGroup

seed_cli = AppGroup("seed", help="载入数据 (load data)")


@seed_cli.command("demo")
def demo() -> None:
    """载入演示数据：街道、社区、服务清单、场所、演示账号和工单（可重复运行）。"""
    from app.seed.demo import load_demo

    load_demo(echo=click.echo)
