"""Who may read the statistics and the ledger, and the period's rules (CONTRACT §6, §6.7)."""

from __future__ import annotations

import pytest

from tests.helpers.api import get
from tests.helpers.permissions import Case, check, matrix

PATHS = ("/staff/stats", "/staff/exports/orders.xlsx")
PERIOD = "from=2026-11-20&to=2026-11-22"


def cases(path: str) -> list[Case]:
    return [
        Case("anonymous", "get", f"{path}?{PERIOD}", 401),
        Case("forged token", "get", f"{path}?{PERIOD}", 401),
        Case("a.resident", "get", f"{path}?{PERIOD}", 403),
        Case("a.member", "get", f"{path}?{PERIOD}", 403),
        Case("a.resident", "get", f"{path}?from=bad", 403),  # 403 before 422
        Case("a.staff", "get", f"{path}?{PERIOD}&community_id={{b}}", 404),
        Case("b.staff", "get", f"{path}?{PERIOD}&community_id={{a}}", 404),
        Case("street_admin", "get", f"{path}?{PERIOD}&community_id=999999", 404),
        # 404 before 422: a community out of reach wins over bad dates.
        Case("a.staff", "get", f"{path}?from=2026-11-22&to=2026-11-20&community_id={{b}}", 404),
        Case("a.staff", "get", f"{path}?from=2026-11-22&to=2026-11-20", 422, "VALIDATION_ERROR"),
        Case("a.staff", "get", f"{path}?from=2026-13-01&to=2026-12-02", 422, "VALIDATION_ERROR"),
        Case("a.staff", "get", f"{path}?from=yesterday&to=2026-11-22", 422, "VALIDATION_ERROR"),
        Case("a.staff", "get", f"{path}?to=2026-11-22", 422, "VALIDATION_ERROR"),
        Case("a.staff", "get", f"{path}?from=2026-11-20&to=9999-12-31", 422, "VALIDATION_ERROR"),
        Case("a.staff", "get", f"{path}?{PERIOD}&community_id=x", 422, "VALIDATION_ERROR"),
    ]


@matrix([case for path in PATHS for case in cases(path)])
def test_who_may_read_what(client, world, case):
    check(client, world, case, a=world.a.community.id, b=world.b.community.id)


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("who", ["a.staff", "b.staff", "street_admin"])
def test_staff_and_the_street_admin_read_their_scope(client, world, path, who):
    assert get(client, world.user(who), f"{path}?{PERIOD}").status_code == 200
    a = world.a.community.id
    own = who != "b.staff"
    response = get(client, world.user(who), f"{path}?{PERIOD}&community_id={a}")
    assert response.status_code == (200 if own else 404)


def test_a_one_day_period_is_allowed(client, world):
    stats = get(client, world.a.staff, "/staff/stats?from=2026-11-20&to=2026-11-20").get_json()
    assert [d["date"] for d in stats["by_day"]] == ["2026-11-20"]
