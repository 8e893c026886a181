"""`flask --app wsgi merchant create USERNAME --password PASSWORD --merchant ID`: the account
(role `merchant`) of a merchant of the service circle, which signs in like staff."""

import click
from flask.cli import AppGroup

from app.commands.accounts import describe, password_option
from app.errors import DomainError
from app.merchants import services

merchant_cli = AppGroup("merchant", help="管理便民服务圈商户账号 (manage merchant accounts)")


@merchant_cli.command("create")
@click.argument("username")
@password_option
@click.option(
    "--merchant",
    "merchant_id",
    type=int,
    required=True,
    metavar="ID",
    help="商户编号：为该商户开设账号 (the merchant's id)",
)
def create(username, password, merchant_id):
    """为商户开设账号 (create a merchant's account)。"""
    try:
        merchant, user = services.create_account(username, password, merchant_id)
    except DomainError as error:
        raise click.ClickException(describe(error)) from None
    click.echo(
        f"已为商户 {merchant.name} 开设账号 {user.username} "
        f"(merchant account created, id {user.id})"
    )
