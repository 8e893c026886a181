"""`flask --app wsgi unit create-account USERNAME --password PASSWORD --unit ID`: an account
(role `unit`) of a co-building unit, which signs in like staff and reads only its members."""

import click
from flask.cli import AppGroup

from app.commands.accounts import describe, password_option
from app.errors import DomainError
from app.units import services

unit_cli = AppGroup("unit", help="管理共驻共建单位账号 (manage co-building unit accounts)")


@unit_cli.command("create-account")
@click.argument("username")
@password_option
@click.option(
    "--unit",
    "unit_id",
    type=int,
    required=True,
    metavar="ID",
    help="共建单位编号：为该单位开设账号 (the unit's id)",
)
def create_account(username, password, unit_id):
    """为共建单位开设账号 (create a unit's account)。"""
    try:
        user = services.create_account(None, unit_id, username, password)
    except DomainError as error:
        raise click.ClickException(describe(error)) from None
    click.echo(
        f"已为共建单位 {user.display_name} 开设账号 {user.username} "
        f"(unit account created, id {user.id})"
    )
