"""Who may call the 1+X endpoints, over two communities and two units: members choose their
own, staff reach their communities' items and commitments (404 beyond), unit accounts,
residents and staff hold no member's calls and units no staff's (403)."""

import pytest

from app.commitments.models import Commitment, CommitmentItem, CommitmentMark
from tests.helpers.commitments import MINE, by_key, choose, make_item
from tests.helpers.db import count_rows
from tests.helpers.permissions import Case, check, matrix

pytestmark = pytest.mark.usefixtures("frozen_clock")
ITEMS = "/staff/commitment-items"
MARKS = "/staff/commitments/{commitment}/marks"
ACTIVE = ITEMS + "/{item}/active"


def a_item(world):
    return {"community_id": world.a.community.id, "title": "新项目"}


MEMBER_CALLS = [
    ("get", MINE, None),
    ("get", f"{MINE}/menu", None),
    ("put", MINE, {"kinds": ["wish"]}),
]
STAFF_CALLS = [
    ("post", MARKS, {}),
    ("post", ACTIVE, {"active": False}),
    ("post", ITEMS, a_item),
    ("get", "/staff/commitments", None),
]
CASES = [
    # B's staff reach neither A's commitments nor A's items, even with a bad body
    Case("b.staff", "post", MARKS, 404, body={}),
    Case("b.staff", "post", MARKS, 404, body={"note": ""}),
    Case("b.staff", "post", ACTIVE, 404, body={"active": False}),
    Case("b.staff", "post", ITEMS, 404, body=a_item),
    Case("b.staff", "get", ITEMS + "?community_id={community}", 404),
    # member calls are for members only
    *[
        Case(who, method, path, 403, body=body)
        for who in ("a.unit", "a.resident", "a.staff", "street_admin")
        for method, path, body in MEMBER_CALLS
    ],
    # staff calls are for staff only
    *[
        Case(who, method, path, 403, body=body)
        for who in ("a.unit", "b.unit", "a.member", "a.resident")
        for method, path, body in STAFF_CALLS
    ],
    *[
        Case(who, method, path, 401, body=body)
        for who in ("anonymous", "forged token", "basic auth")
        for method, path, body in [*MEMBER_CALLS, *STAFF_CALLS]
    ],
]


@matrix(CASES)
def test_who_may_call_the_commitments_endpoints(client, world, case):
    item = make_item(world.a)
    commitment = by_key(choose(client, world.a.member, [], [item.id]).get_json())
    before = (count_rows(Commitment), count_rows(CommitmentItem), count_rows(CommitmentMark))
    check(
        client,
        world,
        case,
        commitment=commitment[f"custom:{item.id}"]["id"],
        item=item.id,
        community=world.a.community.id,
    )
    after = (count_rows(Commitment), count_rows(CommitmentItem), count_rows(CommitmentMark))
    assert after == before
