"""两台账 as xlsx from the console: 共建单位服务台账 (one row per unit paired with the scope)
and 在职党员服务台账 (one row per member), counted from what members did over HTTP, in a
fixed number of queries whatever the rows."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from app.extensions import db
from tests.helpers import factories
from tests.helpers.console import sign_in
from tests.helpers.queries import queries_of_request
from tests.helpers.records import serve_everything
from tests.helpers.units import bind

pytestmark = pytest.mark.usefixtures("frozen_clock")
YEAR = "from=2026-01-01&to=2026-12-31"
UNITS = f"/console/ledgers/units.xlsx?{YEAR}"
MEMBERS = f"/console/ledgers/members.xlsx?{YEAR}"


def sheet_rows(response) -> list[tuple]:
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def test_the_member_ledger_counts_what_members_did(client, world, wish_item, frozen_clock):
    serve_everything(client, world, frozen_clock)
    sign_in(client, world.a.staff)
    header, *rows = sheet_rows(client.get(MEMBERS))
    assert header[:6] == (
        "姓名",
        "报到社区",
        "工作单位",
        "“1+X”已兑现",
        "“1+X”承诺项数",
        "完成工单",
    )
    assert len(rows) == 1  # a's staff: a's members only
    row = dict(zip(header, rows[0], strict=True))
    assert row["姓名"] == world.a.member.display_name
    assert row["工作单位"] == world.a.unit_obj.name
    assert (row["“1+X”已兑现"], row["“1+X”承诺项数"], row["完成工单"]) == (5, 5, 1)
    assert (row["参加活动"], row["微心愿"], row["意见建议"], row["走访"]) == (1, 1, 1, 1)
    assert row["居民评价（星）"] == 5.0 and row["获得积分"] > 0 and row["周六报到"] == 1


def test_the_unit_ledger_adds_up_its_members(client, world, wish_item, frozen_clock):
    serve_everything(client, world, frozen_clock)
    sign_in(client, world.street_admin)
    header, *rows = sheet_rows(client.get(UNITS))
    by_unit = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert set(by_unit) == {world.a.unit_obj.name, world.b.unit_obj.name}  # the whole street
    a = by_unit[world.a.unit_obj.name]
    assert a["结对社区"] == world.a.community.name and a["报到党员数"] == 1
    assert a["报到党员"] == world.a.member.display_name
    assert (a["完成工单"], a["参加活动"], a["微心愿"], a["走访"]) == (1, 1, 1, 1)
    assert by_unit[world.b.unit_obj.name]["完成工单"] == 0
    # one community picked of the street's
    picked = sheet_rows(client.get(f"{UNITS}&community_id={world.b.community.id}"))
    assert [row[0] for row in picked[1:]] == [world.b.unit_obj.name]


def test_a_bad_period_or_a_community_out_of_scope_is_422(client, world):
    sign_in(client, world.a.staff)
    for query in (
        "from=2026-12-01&to=2026-01-01",
        "to=2026-01-01",
        f"{YEAR}&community_id={world.b.community.id}",
    ):
        assert client.get(f"/console/ledgers/members.xlsx?{query}").status_code == 422


def test_the_ledgers_cost_the_same_queries_however_many_rows(client, world):
    sign_in(client, world.a.staff)
    before = {path: queries_of_request(client, path) for path in (UNITS, MEMBERS)}
    for _ in range(4):
        bind(factories.member(world.a.community), world.a.unit_obj)
    db.session.commit()
    assert {path: queries_of_request(client, path) for path in (UNITS, MEMBERS)} == before
    assert len(sheet_rows(client.get(MEMBERS))) == 6


def test_the_ledgers_page_offers_both_downloads(client, world):
    sign_in(client, world.a.staff)
    page = client.get("/console/ledgers").get_data(as_text=True)
    assert "共建单位服务台账" in page and "在职党员服务台账" in page
    assert 'action="/console/ledgers/units.xlsx"' in page
