"""Who may call the staff venue calls, over two communities with a venue in each: staff of
the other community reach nothing (404, even with a bad body), residents and members are
refused (403), a bad token is 401; none of them writes anything."""

from __future__ import annotations

import pytest

from app.venues.models import Venue
from tests.helpers.api import call, post
from tests.helpers.db import count_rows, fresh
from tests.helpers.permissions import BAD_TOKENS, Case, check, matrix
from tests.venues.conftest import venue_body

LIST, ONE = "/staff/venues", "/staff/venues/{venue}"
HIDE, SHOW = "/staff/venues/{venue}/hide", "/staff/venues/{venue}/show"
EDIT = {"phone": "0791-80000000"}


def in_a(world) -> dict:
    return venue_body(world, name="新的红色驿站")


CASES = [
    # Staff of B do not reach A's venue: 404 before the body is read.
    Case("b.staff", "patch", ONE, 404, body=EDIT),
    Case("b.staff", "patch", ONE, 404, body={"latitude": "x"}),
    Case("b.staff", "post", HIDE, 404),
    Case("b.staff", "post", SHOW, 404),
    Case("b.staff", "post", LIST, 404, body=in_a),
    # Residents and members may read venues, not keep them.
    *(
        Case(who, method, path, 403, body=body)
        for who in ("a.resident", "a.member", "b.member")
        for method, path, body in (
            ("get", LIST, None),
            ("post", LIST, in_a),
            ("patch", ONE, EDIT),
            ("post", HIDE, None),
            ("post", SHOW, None),
        )
    ),
    *(Case(who, "get", LIST, 401) for who in BAD_TOKENS),
    *(Case(who, "post", LIST, 401, body=in_a) for who in BAD_TOKENS),
    *(Case(who, "patch", ONE, 401, body=EDIT) for who in BAD_TOKENS),
    *(Case(who, "post", HIDE, 401) for who in BAD_TOKENS),
]


@matrix(CASES)
def test_who_may_not_keep_which_venue(client, world, kept, case):
    check(client, world, case, venue=kept["a"].id)
    venue = fresh(kept["a"])
    assert venue.phone == "0791-86201234" and venue.hidden is False
    assert count_rows(Venue) == 2


@pytest.mark.parametrize("who", ["a.staff", "street_admin"])
def test_who_may_keep_a_venue_of_community_a(client, world, kept, who):
    user, path = world.user(who), f"/staff/venues/{kept['a'].id}"
    assert call(client, user, "patch", path, EDIT).status_code == 200
    assert post(client, user, f"{path}/hide").status_code == 200
    assert fresh(kept["a"]).hidden is True and fresh(kept["a"]).phone == "0791-80000000"
    assert post(client, user, f"{path}/show").status_code == 200


def test_a_venue_moves_only_to_a_community_the_user_manages(client, world, kept):
    path = f"/staff/venues/{kept['a'].id}"
    moved = call(client, world.a.staff, "patch", path, {"community_id": world.b.community.id})
    assert moved.status_code == 404
    assert fresh(kept["a"]).community_id == world.a.community.id
    by_admin = {"community_id": world.b.community.id}
    assert call(client, world.street_admin, "patch", path, by_admin).status_code == 200
    assert fresh(kept["a"]).community_id == world.b.community.id
