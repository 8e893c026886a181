"""Who may call the wish endpoints, over two communities: 401 without a good token, 403 for
a wrong role, 404 for another community's wish (before a body is read), nothing changed."""

from __future__ import annotations

import pytest

from tests.helpers.api import get_json, post
from tests.helpers.orders import stored_order
from tests.helpers.permissions import Case, check, matrix
from tests.helpers.wishes import PHOTO, fulfilled_wish, lit_wish, open_wish, wish_body

FULFIL = {"photos": [PHOTO]}
ROUTES = [
    ("get", "/wishes/{open}", None),
    ("post", "/member/wishes/{open}/light", None),
    ("post", "/member/wishes/{lit}/fulfil", FULFIL),
    ("post", "/member/wishes/{lit}/fulfil", {"photos": "not a list"}),  # 404 before 422
    ("post", "/my/wishes/{done}/confirm", {"stars": 5}),
    ("post", "/staff/wishes", lambda w: wish_body(w.b.community)),
]
OUTSIDE_THE_REACH = [
    Case("a.member", "get", "/wishes/{open}", 404),
    Case("a.member", "post", "/member/wishes/{open}/light", 404),
    Case("a.member", "post", "/member/wishes/{lit}/fulfil", 404, body=FULFIL),
    Case("a.member", "post", "/member/wishes/{lit}/fulfil", 404, body={"photos": "x"}),
    Case("a.resident", "post", "/my/wishes/{done}/confirm", 404, body={"stars": 5}),
    Case("b.staff", "post", "/my/wishes/{done}/confirm", 403, body={"stars": 5}),
    Case("a.resident", "get", "/wishes/{open}", 404),
    Case("a.staff", "get", "/wishes/{open}", 404),
    Case("a.staff", "post", "/staff/wishes", 404, body=lambda w: wish_body(w.b.community)),
    Case("a.resident", "post", "/member/wishes/{open}/light", 403),
    Case("a.member", "post", "/staff/wishes", 403, body=lambda w: wish_body(w.b.community)),
    Case("a.resident", "get", "/staff/wishes", 403),
    Case("a.staff", "get", "/member/wishes", 403),
]
NO_GOOD_TOKEN = [
    Case(who, method, path, 401, body=body)
    for who in ("anonymous", "forged token", "token without Bearer")
    for method, path, body in [
        *ROUTES,
        ("post", "/wishes", lambda w: wish_body(w.a.community)),
        ("get", "/my/wishes", None),
        ("get", "/member/wishes", None),
        ("get", "/staff/wishes", None),
    ]
]


@pytest.fixture
def b_side(client, world, wish_item) -> dict:
    return {
        "open": open_wish(client, world.b)["id"],
        "lit": lit_wish(client, world.b)["id"],
        "done": fulfilled_wish(client, world.b)["id"],
    }


@matrix(OUTSIDE_THE_REACH + NO_GOOD_TOKEN)
def test_who_may_call_what(client, world, b_side, case):
    check(client, world, case, **b_side)
    statuses = {name: stored_order(order_id).status for name, order_id in b_side.items()}
    assert statuses == {"open": "published", "lit": "accepted", "done": "completed"}


def test_the_street_admin_sees_and_posts_in_every_community(client, world, wish_item, b_side):
    assert get_json(client, world.street_admin, f"/wishes/{b_side['open']}")["kind"] == "wish"
    body = wish_body(world.b.community)
    assert post(client, world.street_admin, "/staff/wishes", body).status_code == 201
