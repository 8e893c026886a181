"""Who may call the mall, over two communities: 401 without a token, 403 for a wrong role,
404 for a reward or redemption of another community or another user, and nothing changes."""

from __future__ import annotations

import pytest

from app.accounts.models import User
from app.extensions import db
from app.mall.models import Reward
from tests.helpers.api import assert_error, auth, get, post
from tests.helpers.mall import give_points, merchant, redeem, reward, status_of, stock_of, verify
from tests.helpers.permissions import Case, check, matrix

ROUTES = [
    (
        "post",
        "/staff/rewards",
        lambda w: {"name": "米", "points": 5, "stock": 1, "community_id": w.b.community.id},
    ),
    ("patch", "/staff/rewards/{reward}", {"stock": 0}),
    ("get", "/staff/redemptions?community_id={community}", None),
    ("post", "/my/redemptions/{redemption}/cancel", None),
    ("get", "/my/redemptions/{redemption}/qrcode.png", None),
]
OUTSIDE_THE_REACH = [
    Case("a.staff", method, path, 404, body=body) for method, path, body in ROUTES
] + [
    Case(who, method, path, 403 if path.startswith("/staff/") else 404, body=body)
    for who in ("a.resident", "a.member")
    for method, path, body in ROUTES
]
NO_GOOD_TOKEN = [
    Case(who, method, path, 401, body=body)
    for who in ("anonymous", "forged token", "token without Bearer")
    for method, path, body in [
        *ROUTES,
        ("get", "/mall/rewards", None),
        ("post", "/mall/rewards/{reward}/redeem", None),
        ("get", "/my/redemptions", None),
        ("post", "/staff/redemptions/verify", {"code": "ABCDEFGH23"}),
    ]
]


@pytest.fixture
def b_side(client, world) -> dict:
    """A reward of demo-b and a pending redemption of b.member."""
    give_points(world.b.member, 10)
    offered = reward(world.b.community, points=10, stock=3)
    redemption = redeem(client, world.b.member, offered.id).get_json()
    return {"reward": offered.id, "redemption": redemption["id"], "code": redemption["code"]}


@matrix(OUTSIDE_THE_REACH + NO_GOOD_TOKEN)
def test_who_may_call_what(client, world, b_side, case):
    rewards_before = db.session.query(Reward).count()
    check(
        client,
        world,
        case,
        reward=b_side["reward"],
        redemption=b_side["redemption"],
        community=world.b.community.id,
    )
    assert status_of(b_side["redemption"]) == "pending"
    assert stock_of(b_side["reward"]) == 2
    assert db.session.query(Reward).count() == rewards_before


def test_verify_reaches_only_the_rewards_community_and_merchant(client, world, b_side):
    code = b_side["code"]
    assert_error(verify(client, world.a.staff, code), 404, "NOT_FOUND")
    shop = merchant(world.a.community)
    assert_error(verify(client, db.session.get(User, shop.account_id), code), 404, "NOT_FOUND")
    assert_error(verify(client, world.a.resident, code), 403, "FORBIDDEN")
    assert_error(verify(client, world.b.member, code), 403, "FORBIDDEN")
    assert_error(verify(client, world.a.staff, "NEVERISSUED"), 404, "NOT_FOUND")
    assert status_of(b_side["redemption"]) == "pending"
    assert verify(client, world.street_admin, code).status_code == 200  # the street's admin


def test_merchant_accounts_cannot_manage_rewards(client, world):
    shop = merchant(world.a.community)
    account = db.session.get(User, shop.account_id)
    body = {"name": "米", "points": 5, "stock": 1, "community_id": world.a.community.id}
    assert_error(post(client, account, "/staff/rewards", body), 403, "FORBIDDEN")
    assert get(client, account, "/staff/redemptions").status_code == 200
    assert_error(
        get(client, account, f"/staff/redemptions?community_id={world.b.community.id}"),
        404,
        "NOT_FOUND",
    )


def test_rewards_of_an_unknown_community_are_not_found(client, world):
    response = client.get("/api/v1/mall/rewards?community_id=99999", headers=auth(world.a.member))
    assert_error(response, 404, "NOT_FOUND")
