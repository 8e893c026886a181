"""The ledger's balance row, staff adjustments and the yearly statement, over HTTP."""

from datetime import UTC, datetime

import pytest

from app.extensions import db
from app.points.models import PointsEntry
from tests.helpers.api import assert_error, auth, get_json, post
from tests.helpers.db import count_rows
from tests.helpers.ledger import assert_ledger_holds, stored_balance
from tests.helpers.members import points_entry


def adjust_path(user) -> str:
    return f"/staff/members/{user.id}/points"


def test_staff_adjust_a_member_and_the_entry_names_who_and_why(client, world):
    member = world.a.member
    response = post(client, world.a.staff, adjust_path(member), {"delta": 15, "reason": "补录"})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["balance"] == 15
    entry = body["entry"]
    assert (entry["delta"], entry["reason"], entry["note"]) == (15, "adjustment", "补录")
    assert entry["actor_id"] == world.a.staff.id and entry["at"]

    down = post(client, world.a.staff, adjust_path(member), {"delta": -5, "reason": "扣错了"})
    assert down.status_code == 201 and down.get_json()["balance"] == 10
    ledger = get_json(client, member, "/member/points")
    assert ledger["balance"] == 10
    assert [i["delta"] for i in ledger["items"]] == [-5, 15]
    assert_ledger_holds(member.id)


def test_a_debit_beyond_the_balance_writes_nothing(client, world):
    member = world.a.member
    post(client, world.a.staff, adjust_path(member), {"delta": 3, "reason": "补录"})
    response = post(client, world.a.staff, adjust_path(member), {"delta": -4, "reason": "扣"})
    assert_error(response, 409, "INSUFFICIENT_POINTS")
    assert stored_balance(member.id) == 3
    assert count_rows(PointsEntry) == 1
    assert_ledger_holds(member.id)


def test_staff_of_another_community_and_non_members_are_not_found(client, world):
    body = {"delta": 5, "reason": "补录"}
    assert_error(post(client, world.b.staff, adjust_path(world.a.member), body), 404, "NOT_FOUND")
    assert_error(post(client, world.a.staff, adjust_path(world.a.resident), body), 404, "NOT_FOUND")
    assert_error(post(client, world.a.member, adjust_path(world.a.member), body), 403, "FORBIDDEN")
    assert_error(post(client, None, adjust_path(world.a.member), body), 401, "UNAUTHORIZED")
    # not found wins over a bad body
    assert_error(post(client, world.b.staff, adjust_path(world.a.member), {}), 404, "NOT_FOUND")
    assert count_rows(PointsEntry) == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"delta": 0, "reason": "x"}, "delta"),
        ({"delta": "5", "reason": "x"}, "delta"),
        ({"delta": 1.5, "reason": "x"}, "delta"),
        ({"delta": 5, "reason": ""}, "reason"),
        ({"delta": 5, "reason": "长" * 201}, "reason"),
        ({"delta": 5}, "reason"),
        ({"reason": "x"}, "delta"),
    ],
)
def test_bad_adjustments_are_422_and_write_nothing(client, world, body, field):
    response = post(client, world.a.staff, adjust_path(world.a.member), body)
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert field in error["details"]
    assert count_rows(PointsEntry) == 0


def test_the_statement_of_a_beijing_year(client, world):
    member = world.a.member
    # 2025-12-31 23:30 Beijing is still 2025; 2026-01-01 00:10 Beijing is 2026.
    at = [
        datetime(2025, 6, 1, 2, 0, tzinfo=UTC),
        datetime(2025, 12, 31, 15, 30, tzinfo=UTC),
        datetime(2025, 12, 31, 16, 10, tzinfo=UTC),
        datetime(2026, 3, 1, 2, 0, tzinfo=UTC),
        datetime(2026, 12, 31, 16, 10, tzinfo=UTC),  # 2027 in Beijing
    ]
    for when, delta in zip(at, (20, 5, 8, -6, 4), strict=True):
        points_entry(member, delta).created_at = when
    db.session.commit()

    body = get_json(client, member, "/member/points/statement?year=2026")
    assert body["year"] == 2026
    assert (body["opening_balance"], body["credits"], body["debits"]) == (25, 8, 6)
    assert body["closing_balance"] == 25 + 8 - 6
    assert [item["delta"] for item in body["items"]] == [8, -6]
    before = get_json(client, member, "/member/points/statement?year=2025")
    assert before["closing_balance"] == body["opening_balance"]
    later = get_json(client, member, "/member/points/statement?year=2027")
    assert later["closing_balance"] == stored_balance(member.id)
    error = assert_error(
        client.get("/api/v1/member/points/statement?year=abc", headers=auth(member)),
        422,
        "VALIDATION_ERROR",
    )
    assert "year" in error["details"]
