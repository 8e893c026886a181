"""GET /staff/stats (CONTRACT §6.7) over the hand-counted fixture of conftest.py."""

from __future__ import annotations

from app.extensions import db
from tests.helpers.api import auth, get_json
from tests.helpers.queries import queries_of_request
from tests.stats.conftest import PERIOD, bj, placed


def days(*figures):
    return [
        {"date": f"2026-11-{20 + n}", "created": created, "completed": completed}
        for n, (created, completed) in enumerate(figures)
    ]


def test_staff_see_their_communitys_numbers(client, world, counted):
    stats = get_json(client, world.a.staff, f"/staff/stats?{PERIOD}")
    x, y = world.item.category, counted.other_item.category
    assert stats == {
        "orders_created": 7,
        "orders_completed": 3,
        "response_rate": 0.8,  # o1 o2 o3 o10 of o1 o2 o3 o5 o10
        "resolution_rate": 0.6,  # o1 o2 o10
        "satisfaction_rate": 0.5,  # o1's 5★ and o7's 2★, given in the period
        "by_category": [
            {"category_id": x.id, "name": x.name, "count": 6},
            {"category_id": y.id, "name": y.name, "count": 1},
        ],
        "by_day": days((2, 0), (3, 1), (2, 2)),
    }


def test_a_street_admin_sees_the_street_or_one_community(client, world, counted):
    street = get_json(client, world.street_admin, f"/staff/stats?{PERIOD}")
    assert (street["orders_created"], street["orders_completed"]) == (8, 4)
    assert (street["response_rate"], street["resolution_rate"]) == (5 / 6, 4 / 6)
    assert street["satisfaction_rate"] == 2 / 3
    assert street["by_day"] == days((2, 0), (4, 2), (2, 2))
    b = world.b.community.id
    one = get_json(client, world.street_admin, f"/staff/stats?{PERIOD}&community_id={b}")
    assert (one["orders_created"], one["response_rate"], one["satisfaction_rate"]) == (1, 1, 1)
    assert one["by_day"] == days((0, 0), (1, 1), (0, 0))
    assert one == get_json(client, world.b.staff, f"/staff/stats?{PERIOD}")


def test_nothing_to_count_is_null_and_every_day_is_listed(client, world, counted):
    stats = get_json(client, world.a.staff, "/staff/stats?from=2026-11-01&to=2026-11-03")
    assert stats["orders_created"] == stats["orders_completed"] == 0
    assert stats["response_rate"] is stats["resolution_rate"] is stats["satisfaction_rate"] is None
    assert stats["by_category"] == []
    assert [(d["date"], d["created"], d["completed"]) for d in stats["by_day"]] == [
        ("2026-11-01", 0, 0),
        ("2026-11-02", 0, 0),
        ("2026-11-03", 0, 0),
    ]


def test_only_rejected_and_cancelled_orders_leave_the_rates_null(client, world, counted):
    day = get_json(client, world.a.staff, "/staff/stats?from=2026-11-23&to=2026-11-23")
    assert (day["orders_created"], day["response_rate"], day["resolution_rate"]) == (1, 1, 1)
    assert day["satisfaction_rate"] == 1  # o10's 4★, given on the 23rd
    placed(world.b, world.item, "rejected", bj(24))
    placed(world.b, world.item, "cancelled", bj(24, 10))
    db.session.commit()
    b = get_json(client, world.b.staff, "/staff/stats?from=2026-11-24&to=2026-11-24")
    assert (b["orders_created"], b["response_rate"], b["resolution_rate"]) == (2, None, None)


def test_the_call_runs_a_fixed_number_of_queries(client, world, counted):
    path = f"/api/v1/staff/stats?{PERIOD}"
    get_json(client, world.street_admin, f"/staff/stats?{PERIOD}")  # the caller is kept
    few = queries_of_request(client, path, auth(world.street_admin))
    for day in (20, 21, 22):
        placed(world.b, counted.other_item, "rated", bj(day), completed=bj(day, 11), rated=bj(22))
    db.session.commit()
    assert queries_of_request(client, path, auth(world.street_admin)) == few
