"""`flask --app wsgi device press SERIAL [--url URL]`: press a registered device's button
as the device would (a signed POST /api/v1/devices/press to a running server), for demos
and tests; `device heartbeat` sends its heartbeat. The secret is read from the database."""

from __future__ import annotations

import json
import secrets
import time
import urllib.error
import urllib.request

import click
from flask.cli import AppGroup
from sqlalchemy import select

from app.devices.keys import decrypt, signature
from app.devices.models import Device
from app.extensions import db

device_cli = AppGroup("device", help="一键通设备模拟 (simulate a one-button device)")
DEFAULT_URL = "http://127.0.0.1:5000"
url_option = click.option(
    "--url", default=DEFAULT_URL, show_default=True, help="平台地址 (the running server)"
)


@device_cli.command("press")
@click.argument("serial")
@url_option
def press(serial: str, url: str) -> None:
    """模拟按下一键通按钮 (press the device's button)。"""
    _send(serial, url, "/api/v1/devices/press", {"button": "help"})


@device_cli.command("heartbeat")
@click.argument("serial")
@url_option
@click.option("--battery", type=click.IntRange(0, 100), default=100, show_default=True)
@click.option("--signal", type=click.IntRange(-150, 0), default=-70, show_default=True)
def heartbeat(serial: str, url: str, battery: int, signal: int) -> None:
    """模拟设备心跳 (send the device's heartbeat)。"""
    _send(serial, url, "/api/v1/devices/heartbeat", {"battery": battery, "signal": signal})


def _send(serial: str, url: str, path: str, body: dict) -> None:
    raw = json.dumps(body, separators=(",", ":")).encode()
    request = urllib.request.Request(
        url.rstrip("/") + path, data=raw, headers=signed_headers(serial, raw), method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, answer = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, answer = error.code, error.read()
    except OSError as error:
        raise click.ClickException(f"无法连接 {url}：{error}") from None
    click.echo(f"{status} {answer.decode(errors='replace')}")
    if status >= 400:
        raise SystemExit(1)


def signed_headers(serial: str, raw: bytes) -> dict[str, str]:
    stored = db.session.scalar(select(Device.secret_encrypted).where(Device.serial == serial))
    if stored is None:
        raise click.ClickException(f"没有编号为 {serial} 的设备")
    secret = decrypt(stored)
    if secret is None:
        raise click.ClickException("设备密钥无法解密（SECRET_KEY 已更换？请在控制台更换密钥）")
    timestamp, nonce = str(int(time.time())), secrets.token_hex(16)
    return {
        "Content-Type": "application/json",
        "X-Device-Serial": serial,
        "X-Timestamp": timestamp,
        "X-Nonce": nonce,
        "X-Signature": signature(secret, timestamp, nonce, raw),
    }
