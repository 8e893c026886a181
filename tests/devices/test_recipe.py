"""docs/devices.md's worked example holds: the signature it gives is the platform's for its
values, and the Python snippet's `sign` gives the same; a press signed that way is taken."""

from __future__ import annotations

import re
from pathlib import Path

from app.clock import utcnow
from app.devices.keys import signature
from tests.helpers.devices import register

DOC = (Path(__file__).resolve().parents[2] / "docs" / "devices.md").read_text()


def _example() -> dict:
    section = DOC.split("## Worked example", 1)[1].split("## ", 1)[0]
    values = dict(re.findall(r"^- (secret|timestamp|nonce|body): `([^`]+)`$", section, re.M))
    values["signature"] = re.search(r"```\n([0-9a-f]{64})\n```", section).group(1)
    return values


def _python_snippet() -> dict:
    code = DOC.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    exec(compile(code, "docs/devices.md", "exec"), namespace)  # our own document
    return namespace


def test_the_worked_example_is_the_platforms_signature():
    example = _example()
    assert set(example) == {"secret", "timestamp", "nonce", "body", "signature"}
    given = signature(
        example["secret"], example["timestamp"], example["nonce"], example["body"].encode()
    )
    assert given == example["signature"]


def test_the_python_snippet_signs_the_same():
    example = _example()
    sign = _python_snippet()["sign"]
    body = example["body"].encode()
    assert (
        sign(example["secret"], example["timestamp"], example["nonce"], body)
        == (example["signature"])
    )


def test_a_press_signed_by_the_snippet_is_accepted(client, world):
    device = register(client, world.a.staff, world.a.community, serial="XH-DOC")
    sign = _python_snippet()["sign"]
    body, timestamp, nonce = b'{"button":"help"}', str(int(utcnow().timestamp())), "doc-nonce-0001"
    headers = {
        "Content-Type": "application/json",
        "X-Device-Serial": device.serial,
        "X-Timestamp": timestamp,
        "X-Nonce": nonce,
        "X-Signature": sign(device.secret, timestamp, nonce, body),
    }
    response = client.post("/api/v1/devices/press", data=body, headers=headers)
    assert response.status_code == 201, response.get_json()
