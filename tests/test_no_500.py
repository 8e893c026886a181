"""No input, however malformed, yields a 500: every API route, called by every role with
hostile bodies, queries and ids, answers with a 4xx (or 2xx) and the error envelope."""

from __future__ import annotations

import itertools
import re

import pytest

from tests.helpers.api import auth

HOSTILE_BODIES = [
    None,
    "",
    "{",
    "[]",
    "null",
    "1",
    '"text"',
    '{"a": ',
    {"community_id": "1; DROP TABLE orders", "item_id": -1},
    {"community_id": 10**30, "item_id": 1.5, "description": "x" * 100_000},
    {"code": ["a"], "username": {"x": 1}, "password": None, "stars": True},
    '{"description": "\\ud800", "address": "\\u0000", "code": "\\udfff", "name": "\\ud83d"}',
    {"address": "\x00", "contact_phone": "１３８１２３４１２３４"},
    {"member_id": "abc", "reason": "", "note": "\x07", "photos": "https://x"},
    {"latitude": "NaN", "longitude": 1e400, "photos": [None] * 20},
]
HOSTILE_QUERIES = [
    "",
    "?limit=-1",
    "?limit=1e9",
    "?cursor=%00",
    "?cursor=abc&limit=abc",
    "?status=%FF",
    "?lat=91&lng=0",
    "?lat=abc&lng=xyz&radius_m=-5",
    "?type=unknown&community_id=99999999999999",
]
IDS = ["1", "0", "99999999999", "abc", "-1"]


def _api_routes(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and "docs" not in rule.rule:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield method, rule.rule


def _paths(rule: str):
    if "<" not in rule:
        return [rule]
    return [re.sub(r"<[^>]+>", value, rule) for value in IDS]


def _send(client, method, path, body, headers):
    if isinstance(body, str):
        return client.open(
            path, method=method, data=body, headers=headers, content_type="application/json"
        )
    return client.open(path, method=method, json=body, headers=headers)


@pytest.mark.parametrize("role", ["anonymous", "resident", "member", "staff", "street_admin"])
def test_no_route_answers_500(app, client, world, role):
    user = {
        "anonymous": None,
        "resident": world.a.resident,
        "member": world.a.member,
        "staff": world.a.staff,
        "street_admin": world.street_admin,
    }[role]
    headers = auth(user) if user else {"Authorization": "Bearer garbage"}
    failures = []
    for method, rule in _api_routes(app):
        for path in _paths(rule):
            cases = (
                [(q, None) for q in HOSTILE_QUERIES]
                if method == "GET"
                else itertools.product([""], HOSTILE_BODIES)
            )
            for query, body in cases:
                response = _send(client, method, path + query, body, headers)
                if response.status_code >= 500 or (
                    response.status_code >= 400 and "error" not in (response.get_json() or {})
                ):
                    failures.append((method, path + query, body, response.status_code))
    assert failures == []
