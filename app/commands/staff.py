"""`flask --app wsgi staff create USERNAME --password PASSWORD --community CODE`
(or `--street CODE` for a street admin)."""

import click
from flask.cli import AppGroup

from app.accounts import services
from app.commands.accounts import describe, password_option
from app.errors import DomainError

staff_cli = AppGroup("staff", help="管理社区工作人员账号 (manage staff accounts)")


@staff_cli.command("create")
@click.argument("username")
@password_option
@click.option(
    "--community",
    "community_code",
    metavar="CODE",
    help="社区编码：创建该社区的工作人员 (staff of this community)",
)
@click.option(
    "--street",
    "street_code",
    metavar="CODE",
    help="街道编码：创建街道管理员 (street admin of this street)",
)
@click.option("--name", "display_name", help="显示名称 (display name)")
def create(username, password, community_code, street_code, display_name):
    """创建工作人员账号 (create a staff account)。"""
    try:
        user = services.create_staff(
            username,
            password,
            community_code=community_code,
            street_code=street_code,
            display_name=display_name,
        )
    except DomainError as error:
        raise click.ClickException(describe(error)) from None
    if community_code:
        click.echo(
            f"已创建社区 {community_code} 的工作人员 {user.username} "
            f"(staff account created, id {user.id})"
        )
    else:
        click.echo(
            f"已创建街道 {street_code} 的管理员 {user.username} "
            f"(street admin created, id {user.id})"
        )


@staff_cli.command("unlock")
@click.argument("username")
def unlock(username):
    """解除该用户名因密码错误而受的限制（所有地址）(lift the wrong-password locks of USERNAME)。"""
    lifted = services.unlock_staff(username)
    click.echo(f"已解除 {username} 的 {lifted} 条登录限制 (lifted {lifted} lock(s))")
