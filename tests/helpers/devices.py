"""一键通 in tests: register a device over the API, and sign a call as a device does."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

from app.clock import utcnow
from app.devices.keys import signature
from tests.helpers.api import API, auth

HOUSEHOLD = {"name": "王奶奶", "phone": "13900001111", "address": "民强街 3 栋 2 单元 101"}


@dataclass
class Registered:
    id: int
    serial: str
    secret: str


def register(client, staff, community, serial: str = "XH-0001", **extra) -> Registered:
    body = {"serial": serial, "community_id": community.id, "resident": HOUSEHOLD, **extra}
    response = client.post(f"{API}/staff/devices", json=body, headers=auth(staff))
    assert response.status_code == 201, response.get_json()
    answer = response.get_json()
    return Registered(answer["id"], answer["serial"], answer["secret"])


def signed_headers(
    device: Registered,
    body: bytes,
    *,
    timestamp: int | None = None,
    nonce: str | None = None,
    secret: str | None = None,
) -> dict:
    stamp = str(int(utcnow().timestamp()) if timestamp is None else timestamp)
    nonce = secrets.token_hex(8) if nonce is None else nonce
    return {
        "X-Device-Serial": device.serial,
        "X-Timestamp": stamp,
        "X-Nonce": nonce,
        "X-Signature": signature(secret or device.secret, stamp, nonce, body),
        "Content-Type": "application/json",
    }


def send(client, device: Registered, path: str = "/devices/press", body=None, **signing):
    raw = json.dumps({} if body is None else body).encode()
    return client.post(f"{API}{path}", data=raw, headers=signed_headers(device, raw, **signing))


def press(client, device: Registered, **signing):
    return send(client, device, "/devices/press", {"button": "help"}, **signing)
