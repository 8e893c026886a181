"""Who reaches the 纪实手册 and the 反馈卡, over two communities, two units and their members:
staff of the member's community (and the street admin), the member themself, and the unit
the card was sent to; everyone else 404 (or 403 for the wrong role, 401 without a token)."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.records.models import FeedbackCard
from tests.helpers.api import get
from tests.helpers.db import count_rows, fresh
from tests.helpers.permissions import Case, check, matrix
from tests.helpers.records import CARD_BODY, issue

MEMBER_CARDS = "/staff/members/{member}/feedback-cards"
CARD = "/staff/feedback-cards/{card}"
JUDGEMENT = {"evaluation": "poor", "comment": "改"}
STAFF_CALLS = [
    ("post", MEMBER_CARDS, {**CARD_BODY, "from": "2026-07-01"}),
    ("get", MEMBER_CARDS, None),
    ("put", CARD, JUDGEMENT),
    ("get", CARD + ".pdf", None),
    ("get", "/staff/members/{member}/record.pdf", None),
]
OWN_CALLS = [("get", "/member/record.pdf"), ("get", "/member/feedback-cards")]
UNIT_CALLS = [("get", "/unit/feedback-cards"), ("get", "/unit/feedback-cards/{card}.pdf")]
CASES = [
    # staff of the other community reach neither the member nor the card, even with a bad body
    *[Case("b.staff", method, path, 404, body=body) for method, path, body in STAFF_CALLS],
    Case("b.staff", "post", MEMBER_CARDS, 404, body={"evaluation": "x"}),
    Case("b.staff", "put", CARD, 404, body={}),
    # a resident is nobody's member: no card, no record
    Case("a.staff", "post", "/staff/members/{resident}/feedback-cards", 404, body=CARD_BODY),
    Case("a.staff", "get", "/staff/members/{resident}/record.pdf", 404),
    # units, members and residents make no staff call
    *[
        Case(who, method, path, 403, body=body)
        for who in ("a.unit", "b.unit", "a.member", "a.resident")
        for method, path, body in STAFF_CALLS
    ],
    # the member's own: another member does not read the card; nobody else is a member
    Case("b.member", "get", "/member/feedback-cards/{card}.pdf", 404),
    *[
        Case(who, method, path, 403)
        for who in ("a.unit", "a.resident", "a.staff")
        for method, path in [*OWN_CALLS, ("get", "/member/feedback-cards/{card}.pdf")]
    ],
    # the unit's: the other unit does not read it; nobody else is a unit
    Case("b.unit", "get", "/unit/feedback-cards/{card}.pdf", 404),
    *[
        Case(who, method, path, 403)
        for who in ("a.member", "a.resident", "a.staff", "street_admin")
        for method, path in UNIT_CALLS
    ],
    # no token, or a bad one
    *[
        Case(who, method, path, 401, body=body)
        for who in ("anonymous", "forged token", "basic auth")
        for method, path, body in [
            *STAFF_CALLS,
            *[(m, p, None) for m, p in OWN_CALLS + UNIT_CALLS],
        ]
    ],
]


@pytest.fixture
def card(client, world) -> FeedbackCard:
    response = issue(client, world.a.staff, world.a.member)
    assert response.status_code == 201
    return db.session.get_one(FeedbackCard, response.get_json()["id"])


@matrix(CASES)
def test_who_may_reach_the_records(client, world, card, case):
    check(client, world, case, member=world.a.member.id, resident=world.a.resident.id, card=card.id)
    assert count_rows(FeedbackCard) == 1
    stored = fresh(card)
    assert (stored.evaluation, stored.revision) == ("excellent", 1)


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("a.staff", "/staff/feedback-cards/{card}.pdf"),
        ("street_admin", "/staff/feedback-cards/{card}.pdf"),
        ("street_admin", "/staff/members/{member}/record.pdf"),
        ("a.member", "/member/feedback-cards/{card}.pdf"),
        ("a.member", "/member/record.pdf"),
        ("a.unit", "/unit/feedback-cards/{card}.pdf"),
    ],
)
def test_those_within_reach_download_the_pdf(client, world, card, who, path):
    response = get(client, world.user(who), path.format(card=card.id, member=world.a.member.id))
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
