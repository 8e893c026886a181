"""Who may call the teams' API, over two communities: 401 without a good token, 403 for a
wrong role, 404 for a team or order of another community (or a team the member is not
in), and nothing changes. The team pages are public."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers.api import API, get, post
from tests.helpers.orders import event_count, seeded_order, stored_order
from tests.helpers.permissions import Case, check, matrix
from tests.helpers.teams import dispatch_team, member_ids_of, team, team_count

STAFF_ROUTES = [
    ("get", "/staff/teams?community_id={community}", None),
    (
        "post",
        "/staff/teams",
        lambda w: {"name": "队", "kind": "patrol", "community_id": w.b.community.id},
    ),
    ("get", "/staff/teams/{team}", None),
    ("patch", "/staff/teams/{team}", {"member_ids": []}),
    # Any team: the order out of reach is 404 before its body is read.
    ("post", "/staff/orders/{approved}/dispatch-team", {"team_id": 1}),
]
MEMBER_ROUTES = [("post", "/member/orders/{waiting}/take", None)]
OUTSIDE_THE_REACH = [
    *(Case("a.staff", m, p, 404, body=b) for m, p, b in STAFF_ROUTES),
    *(Case("a.member", m, p, 404, body=b) for m, p, b in MEMBER_ROUTES),
    *(
        Case(who, m, p, 403, body=b)
        for who in ("a.resident", "a.member", "b.member")
        for m, p, b in STAFF_ROUTES
    ),
    *(
        Case(who, m, p, 403, body=b)
        for who in ("a.resident", "b.staff", "street_admin")
        for m, p, b in MEMBER_ROUTES
    ),
    Case("a.resident", "get", "/member/team-orders", 403),
    Case("b.staff", "get", "/member/team-orders", 403),
]
NO_GOOD_TOKEN = [
    Case(who, m, p, 401, body=b)
    for who in ("anonymous", "forged token", "token without Bearer", "basic auth")
    for m, p, b in [*STAFF_ROUTES, *MEMBER_ROUTES, ("get", "/member/team-orders", None)]
]


@pytest.fixture
def b_side(client, world) -> dict:
    """demo-b's team (b.member in it), an order waiting for it, and an approved order."""
    squad = team(world.b.community, [world.b.member])
    waiting = seeded_order(world.b, world.item, S.APPROVED)
    assert dispatch_team(client, world.b.staff, waiting.id, squad.id).status_code == 200
    approved = seeded_order(world.b, world.item, S.APPROVED)
    db.session.commit()
    return {"team": squad.id, "waiting": waiting.id, "approved": approved.id}


@matrix(OUTSIDE_THE_REACH + NO_GOOD_TOKEN)
def test_who_may_call_what(client, world, b_side, case):
    teams_before = team_count()
    check(
        client,
        world,
        case,
        team=b_side["team"],
        waiting=b_side["waiting"],
        approved=b_side["approved"],
        community=world.b.community.id,
    )
    assert team_count() == teams_before
    assert member_ids_of(b_side["team"]) == [world.b.member.id]
    waiting = stored_order(b_side["waiting"])
    assert (waiting.status, waiting.member_id) == (S.DISPATCHED, None)
    assert stored_order(b_side["approved"]).status == S.APPROVED
    assert event_count(b_side["approved"]) == 1


def test_the_street_admin_reaches_every_community_of_the_street(client, world, b_side):
    assert get(client, world.street_admin, f"/staff/teams/{b_side['team']}").status_code == 200
    moved = post(
        client,
        world.street_admin,
        f"/staff/orders/{b_side['approved']}/dispatch-team",
        {"team_id": b_side["team"]},
    )
    assert moved.status_code == 200


def test_the_team_pages_are_public(client, world, b_side):
    assert client.get(f"{API}/teams/{b_side['team']}").status_code == 200
    assert client.get(f"{API}/communities/{world.b.community.id}/teams").status_code == 200
