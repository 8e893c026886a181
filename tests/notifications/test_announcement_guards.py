"""红喇叭's refusals: roles (403), communities out of reach (404, before 422), bad input
(422 with the field), and a refused call writes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.notifications.models import Announcement, Message
from tests.helpers import factories
from tests.helpers.api import assert_error, auth, get, post
from tests.helpers.permissions import Case, check, matrix
from tests.helpers.queries import queries_of_request

GOOD = {"title": "停水通知", "body": "明天上午停水。", "audience": "all"}


def in_a(world):
    return {**GOOD, "community_id": world.a.community.id}


CASES = [
    Case("anonymous", "post", "/staff/announcements", 401, body=in_a),
    Case("forged token", "get", "/staff/announcements", 401),
    Case("a.resident", "post", "/staff/announcements", 403, body=in_a),
    Case("a.member", "post", "/staff/announcements", 403, body=in_a),
    Case("a.member", "get", "/staff/announcements", 403),
    Case("b.staff", "post", "/staff/announcements", 404, body=in_a),
    Case("a.resident", "post", "/staff/announcements", 403, body={"title": ""}),
    Case(
        "b.staff",
        "post",
        "/staff/announcements",
        404,
        body=lambda world: {"title": "x" * 21, "community_id": world.a.community.id},
    ),
    Case("b.staff", "get", "/staff/announcements?community_id={a}", 404),
]


def written() -> tuple[int, int]:
    return (
        db.session.scalar(select(func.count(Announcement.id))),
        db.session.scalar(select(func.count(Message.id))),
    )


@matrix(CASES)
def test_who_may_write_and_read_announcements(client, world, case):
    factories.order(world.a.community, world.a.resident, world.item)
    db.session.commit()
    check(client, world, case, a=world.a.community.id)
    assert written() == (0, 0)


BAD = [
    ({"title": ""}, "title"),
    ({"title": "通" * 21}, "title"),
    ({"title": "停水\n通知"}, "title"),
    ({"body": ""}, "body"),
    ({"body": "长" * 2001}, "body"),
    ({"body": "含有\x00控制字符"}, "body"),
    ({"audience": "grid"}, "audience"),
    ({"audience": None}, "audience"),
    ({"community_id": "1"}, "community_id"),
    ({"community_id": 0}, "community_id"),
    ({"community_id": True}, "community_id"),
    ({"community_id": 2**40}, "community_id"),
]


@pytest.mark.parametrize("change,field", BAD, ids=[field for _, field in BAD])
def test_bad_input_is_422_with_the_field_and_writes_nothing(client, world, change, field):
    factories.order(world.a.community, world.a.resident, world.item)
    db.session.commit()
    body = {**in_a(world), **change}
    error = assert_error(
        post(client, world.a.staff, "/staff/announcements", body), 422, "VALIDATION_ERROR"
    )
    assert field in error["details"]
    assert written() == (0, 0)


@pytest.mark.parametrize("body", [None, [], "text", {"title": "停水"}])
def test_a_missing_or_malformed_body_is_422(client, world, body):
    response = post(client, world.a.staff, "/staff/announcements", body)
    assert_error(response, 422, "VALIDATION_ERROR")
    assert written() == (0, 0)


def test_a_community_that_does_not_exist_is_404(client, world):
    response = post(
        client, world.street_admin, "/staff/announcements", {**GOOD, "community_id": 99999}
    )
    assert_error(response, 404, "NOT_FOUND")


def test_staff_see_only_their_communitys_announcements(client, world):
    for side in (world.a, world.b):
        body = {**GOOD, "community_id": side.community.id}
        assert post(client, side.staff, "/staff/announcements", body).status_code == 201
    mine = get(client, world.b.staff, "/staff/announcements").get_json()["items"]
    assert [item["community_id"] for item in mine] == [world.b.community.id]
    everything = get(client, world.street_admin, "/staff/announcements").get_json()["items"]
    assert len(everything) == 2
    picked = f"/staff/announcements?community_id={world.a.community.id}"
    only_a = get(client, world.street_admin, picked).get_json()["items"]
    assert [item["community_id"] for item in only_a] == [world.a.community.id]


@pytest.mark.parametrize("query", ["limit=0", "limit=101", "cursor=forged", "community_id=x"])
def test_bad_list_arguments_are_422(client, world, query):
    response = get(client, world.a.staff, f"/staff/announcements?{query}")
    assert_error(response, 422, "VALIDATION_ERROR")


def test_the_list_costs_the_same_whatever_its_length(client, world):
    factories.order(world.a.community, world.a.resident, world.item)
    db.session.commit()
    body = {**GOOD, "community_id": world.a.community.id}
    headers = auth(world.a.staff)
    post(client, world.a.staff, "/staff/announcements", body)
    one = queries_of_request(client, "/api/v1/staff/announcements", headers)
    for _ in range(4):
        post(client, world.a.staff, "/staff/announcements", body)
    assert queries_of_request(client, "/api/v1/staff/announcements", headers) == one
