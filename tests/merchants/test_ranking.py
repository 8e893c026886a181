"""GET /staff/merchants/ranking per quarter, and POST /staff/merchants/{id}/trusted."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.helpers.api import API, assert_error, get, get_json, post

RANKING = "/staff/merchants/ranking"


def confirm(client, user, merchant):
    response = post(client, user, f"/merchants/{merchant.id}/services", {"service": "便民服务"})
    assert response.status_code == 201, response.get_json()


def test_ranking_counts_each_quarter_apart(client, frozen_clock, world, shops):
    # 2026-12-31 23:30 in Beijing: the last half hour of Q4.
    frozen_clock.move_to(datetime(2026, 12, 31, 15, 30, tzinfo=UTC))
    confirm(client, world.a.resident, shops.courier)
    confirm(client, world.b.resident, shops.courier)
    confirm(client, world.a.resident, shops.bank)
    # 2027-01-01 00:30 in Beijing: Q1 of the next year.
    frozen_clock.move_to(datetime(2026, 12, 31, 16, 30, tzinfo=UTC))
    confirm(client, world.a.resident, shops.bank)
    confirm(client, world.b.resident, shops.bank)

    q4 = get_json(client, world.a.staff, f"{RANKING}?quarter=2026Q4")
    assert q4["quarter"] == "2026Q4" and (q4["from"], q4["to"]) == ("2026-10-01", "2026-12-31")
    assert [(m["id"], m["points"], m["rank"]) for m in q4["items"]] == [
        (shops.courier.id, 2, 1),
        (shops.bank.id, 1, 2),
    ]
    assert q4["items"][0]["category_label"] == "快递"

    now = get_json(client, world.a.staff, RANKING)  # this quarter by default
    assert now["quarter"] == "2027Q1"
    assert [(m["id"], m["points"]) for m in now["items"]] == [
        (shops.bank.id, 2),
        (shops.courier.id, 0),
    ]


def test_ranking_is_scoped_to_the_callers_communities(client, world, shops):
    ids_a = [m["id"] for m in get_json(client, world.a.staff, RANKING)["items"]]
    assert set(ids_a) == {shops.bank.id, shops.courier.id}
    admin = get_json(client, world.street_admin, f"{RANKING}?community_id={world.b.community.id}")
    assert {m["id"] for m in admin["items"]} == {shops.repair.id, shops.far.id}


def test_another_communitys_filter_is_404(client, world, shops):
    assert_error(
        get(client, world.a.staff, f"{RANKING}?community_id={world.b.community.id}"),
        404,
        "NOT_FOUND",
    )


@pytest.mark.parametrize(
    "quarter", ["2026Q5", "2026Q0", "26Q1", "2026-Q1", "Q4", "0000Q1", "20261Q1"]
)
def test_a_bad_quarter_is_422(client, world, quarter):
    error = assert_error(
        get(client, world.a.staff, f"{RANKING}?quarter={quarter}"), 422, "VALIDATION_ERROR"
    )
    assert "quarter" in error["details"]


def test_staff_mark_and_unmark_trusted(client, world, shops):
    url = f"/staff/merchants/{shops.bank.id}/trusted"
    marked = post(client, world.a.staff, url, {"trusted": True})
    assert marked.status_code == 200 and marked.get_json()["trusted"] is True
    public = client.get(f"{API}/merchants/{shops.bank.id}").get_json()
    assert public["trusted"] is True and public["trusted_label"] == "社区信得过经营户"
    ranked = get_json(client, world.a.staff, RANKING)["items"]
    assert next(m for m in ranked if m["id"] == shops.bank.id)["trusted"] is True

    unmarked = post(client, world.a.staff, url, {"trusted": False})
    assert unmarked.get_json()["trusted"] is False
    assert client.get(f"{API}/merchants/{shops.bank.id}").get_json()["trusted"] is False


@pytest.mark.parametrize("body", [{}, {"trusted": "maybe"}, {"trusted": None}])
def test_a_bad_trusted_body_is_422_and_changes_nothing(client, world, shops, body):
    url = f"/staff/merchants/{shops.bank.id}/trusted"
    error = assert_error(post(client, world.a.staff, url, body), 422, "VALIDATION_ERROR")
    assert "trusted" in error["details"]
    assert client.get(f"{API}/merchants/{shops.bank.id}").get_json()["trusted"] is False


def test_the_last_quarter_of_the_calendar(client, world):
    body = get_json(client, world.a.staff, f"{RANKING}?quarter=9999Q4")
    assert (body["from"], body["to"]) == ("9999-10-01", "9999-12-31")
