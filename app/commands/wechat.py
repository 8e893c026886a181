"""`flask --app wsgi wechat check`: do WECHAT_APPID, WECHAT_SECRET and WECHAT_API_BASE work?

It fetches the access token the way the app servers do (through Redis when REDIS_URL is set:
a token already there is reused, not fetched again) and says when it expires."""

from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup

from app.clock import BEIJING
from app.errors import WechatUnavailable
from app.wechat import wechat
from app.wechat.client import MISCONFIGURED_ERRCODES

wechat_cli = AppGroup("wechat", help="检查微信服务端接口 (check the WeChat server API)")


@wechat_cli.command("check")
def check():
    """取得 access token，检查小程序凭证与服务器地址 (fetch the access token)。"""
    if current_app.config["WECHAT_FAKE"]:
        raise click.ClickException("WECHAT_FAKE=1：演示模式不连接微信服务器，无法检查凭证")
    try:
        wechat.access_token()
        expires_at = wechat.access_token_expires_at()
    except WechatUnavailable as error:
        raise click.ClickException(_explain(error)) from None
    click.echo(f"微信凭证可用：已取得 access token，{_expiry(expires_at)}")


def _expiry(expires_at: int | None) -> str:
    if expires_at is None:
        return "到期时间未知"
    when = datetime.fromtimestamp(expires_at, BEIJING)
    return f"{when:%Y-%m-%d %H:%M:%S}（北京时间）到期"


def _explain(error: WechatUnavailable) -> str:
    base = current_app.config["WECHAT_API_BASE"]
    if error.errcode is None:
        return f"无法从 {base} 取得 access token：服务器无应答或应答无法识别"
    if error.errcode in MISCONFIGURED_ERRCODES:
        hint = "请检查 WECHAT_APPID、WECHAT_SECRET 以及本机 IP 是否在小程序的 IP 白名单中"
    else:
        hint = "微信暂时不可用，请稍后再试"
    return f"微信拒绝了 access token 请求 (errcode {error.errcode})：{hint}"
