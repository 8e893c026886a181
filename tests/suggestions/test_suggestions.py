"""意见建议 over HTTP: made by residents and members, listed as the author's own and by staff
by status, answered once with the author told; permissions over two communities; counts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.suggestions.models import Suggestion
from app.suggestions.queries import counts
from tests.helpers.api import assert_error, get_json, item_ids, post
from tests.helpers.clock import utcnow
from tests.helpers.db import count_rows
from tests.helpers.permissions import Case, check, matrix


def _suggest(client, user, community, text="建议在小区门口增设电动车充电桩", **extra):
    body = {"community_id": community.id, "text": text, **extra}
    response = post(client, user, "/suggestions", body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_a_suggestion_is_answered_once_and_its_author_told(client, world):
    photo = "https://img.example.com/charger.jpg"
    made = _suggest(client, world.a.resident, world.a.community, photos=[photo])
    assert (made["status"], made["photos"], made["answer"]) == ("pending", [photo], None)
    by_member = _suggest(client, world.a.member, world.a.community, text="楼道灯坏了")
    assert item_ids(get_json(client, world.a.resident, "/my/suggestions")) == [made["id"]]
    pending = get_json(client, world.a.staff, "/staff/suggestions?status=pending")
    assert item_ids(pending) == [by_member["id"], made["id"]]

    path = f"/staff/suggestions/{made['id']}/answer"
    answered = post(client, world.a.staff, path, {"answer": "已联系物业，下月安装"})
    assert answered.status_code == 200, answered.get_json()
    assert (answered.get_json()["status"], answered.get_json()["answer"]) == (
        "answered",
        "已联系物业，下月安装",
    )
    assert_error(
        post(client, world.a.staff, path, {"answer": "再答"}), 409, "SUGGESTION_STATE_CONFLICT"
    )

    inbox = get_json(client, world.a.resident, "/my/messages")["items"]
    assert [m["title"] for m in inbox] == ["您的意见建议已答复"]
    assert "已联系物业，下月安装" in inbox[0]["body"]
    assert get_json(client, world.a.member, "/my/messages")["items"] == []
    mine = get_json(client, world.a.resident, "/my/suggestions")["items"]
    assert mine[0]["status_label"] == "已答复"
    answered_list = get_json(client, world.a.staff, "/staff/suggestions?status=answered")
    assert item_ids(answered_list) == [made["id"]]


def test_bad_input_writes_nothing(client, world):
    for body in (
        {"community_id": world.a.community.id, "text": ""},
        {"community_id": world.a.community.id, "text": "x" * 1001},
        {"community_id": world.a.community.id, "text": "好", "photos": ["http://a/b.jpg"]},
        {"community_id": 999999, "text": "好"},
        {"text": "好"},
    ):
        assert_error(post(client, world.a.resident, "/suggestions", body), 422, "VALIDATION_ERROR")
    made = _suggest(client, world.a.resident, world.a.community)
    empty = post(client, world.a.staff, f"/staff/suggestions/{made['id']}/answer", {"answer": ""})
    assert_error(empty, 422, "VALIDATION_ERROR")
    assert count_rows(Suggestion) == 1


CASES = [
    Case("a.staff", "post", "/staff/suggestions/{b}/answer", 404, body={"answer": "好"}),
    Case("a.staff", "post", "/staff/suggestions/{b}/answer", 404, body={"answer": ""}),
    Case("a.member", "post", "/staff/suggestions/{b}/answer", 403, body={"answer": "好"}),
    Case("a.resident", "get", "/staff/suggestions", 403),
    *(
        Case(who, method, path, 401, body=body)
        for who in ("anonymous", "forged token")
        for method, path, body in [
            ("post", "/suggestions", {"text": "好"}),
            ("get", "/my/suggestions", None),
            ("get", "/staff/suggestions", None),
            ("post", "/staff/suggestions/{b}/answer", {"answer": "好"}),
        ]
    ),
]


@matrix(CASES)
def test_who_may_call_what(client, world, case):
    made = _suggest(client, world.b.resident, world.b.community)
    check(client, world, case, b=made["id"])
    assert count_rows(Suggestion, Suggestion.status == "pending") == 1
    assert get_json(client, world.a.staff, "/staff/suggestions")["items"] == []


def test_the_street_admin_answers_in_every_community(client, world):
    made = _suggest(client, world.b.resident, world.b.community)
    path = f"/staff/suggestions/{made['id']}/answer"
    assert post(client, world.street_admin, path, {"answer": "收到"}).status_code == 200


@pytest.mark.parametrize("days, expected", [(1, {"a": 2, "b": 1}), (-1, {})])
def test_counts_are_the_suggestions_each_user_made(client, world, days, expected):
    _suggest(client, world.a.resident, world.a.community)
    _suggest(client, world.a.resident, world.a.community)
    _suggest(client, world.a.member, world.a.community)
    now = utcnow()
    window = (now - timedelta(days=1), now + timedelta(days=1))
    if days < 0:
        window = (now + timedelta(days=1), now + timedelta(days=2))
    users = {"a": world.a.resident.id, "b": world.a.member.id}
    found = counts(set(users.values()) | {world.b.resident.id}, *window)
    assert found == {users[key]: count for key, count in expected.items()}
