"""`flask --app wsgi device press SERIAL` against a live server, as in the `make run` demo:
the demo device of demo-a presses, the server makes an urgent order, and it comes first in
demo-a's staff list; pressing again answers the same order."""

from __future__ import annotations

import os

import pytest

from tests.helpers.servers import flask_command, http, sqlite_gunicorn


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    work = tmp_path_factory.mktemp("devices-cli")
    with sqlite_gunicorn(work, {"LOGIN_RATE_LIMIT": "1000 per minute"}, demo=True) as url:
        env = {
            **os.environ,
            "APP_ENV": "development",
            "WECHAT_FAKE": "1",
            "DATABASE_URL": f"sqlite:///{work / 'app.db'}",
            "REDIS_URL": "",
        }
        yield url, env


def test_a_demo_press_makes_an_urgent_order_first_in_the_staff_queue(live):
    url, env = live
    pressed = flask_command(env, "device", "press", "DEMO-A-0001", "--url", url)
    assert pressed.stdout.startswith("201 "), pressed.stdout
    order_id = int(pressed.stdout.split('"order_id":')[1].strip(" }\n"))

    login = {"username": "demo-a-staff", "password": "demo-pass-123"}
    token = http(f"{url}/api/v1/auth/staff", "POST", login)[1]["token"]
    status, queue, _ = http(
        f"{url}/api/v1/staff/orders", headers={"Authorization": f"Bearer {token}"}
    )
    assert status == 200
    first = queue["items"][0]
    assert (first["id"], first["source"], first["status"]) == (order_id, "device", "submitted")

    again = flask_command(env, "device", "press", "DEMO-A-0001", "--url", url)
    assert again.stdout.startswith("200 ") and str(order_id) in again.stdout


def test_a_heartbeat_and_an_unknown_serial(live):
    url, env = live
    beat = flask_command(env, "device", "heartbeat", "DEMO-B-0001", "--url", url, "--battery", "55")
    assert beat.stdout.startswith("200 ") and '"battery":55' in beat.stdout.replace(" ", "")

    unknown = flask_command(env, "device", "press", "NO-SUCH", "--url", url, check=False)
    assert unknown.returncode != 0 and "没有编号为 NO-SUCH 的设备" in unknown.stderr
