"""The console's 统计 page: the §6.7 numbers as tables, each community side by side for a
street admin, the filters' errors on the form, and the ledger to download."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from app.extensions import db
from tests.helpers import factories
from tests.helpers.console import sign_in
from tests.helpers.queries import count_queries
from tests.stats.conftest import PERIOD


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def cells(html: str, row_id: str) -> list[str]:
    row = re.search(rf'<tr id="{row_id}">(.*?)</tr>', html, re.S)
    assert row, row_id
    return [re.sub(r"<.*?>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row[1])]


def test_staff_see_their_numbers_as_tables(client, world, counted):
    sign_in(client, world.a.staff)
    html = page(client, f"/console/stats?{PERIOD}")
    totals = re.search(r'<table class="usage" id="totals">.*?<tbody><tr>(.*?)</tr>', html, re.S)
    assert [re.sub(r"\s+", "", c) for c in re.findall(r">([^<]*)</td>", totals[1])] == [
        "7", "3", "80%", "60%", "50%",
    ]  # fmt: skip
    assert cells(html, f"category-{world.item.category.id}") == [world.item.category.name, "6"]
    assert cells(html, "day-2026-11-21") == ["2026-11-21", "3", "1"]
    assert 'id="compared"' not in html  # one community: nothing to compare
    assert "/console/stats/orders.xlsx?from=2026-11-20&amp;to=2026-11-22" in html


def test_a_street_admin_compares_the_communities(client, world, counted):
    sign_in(client, world.street_admin)
    html = page(client, f"/console/stats?{PERIOD}")
    a, b = world.a.community, world.b.community
    assert cells(html, f"community-{a.id}") == [a.name, "7", "3", "80%", "60%", "50%"]
    assert cells(html, f"community-{b.id}") == [b.name, "1", "1", "100%", "100%", "100%"]
    one = page(client, f"/console/stats?{PERIOD}&community_id={b.id}")
    assert 'id="compared"' not in one and cells(one, "day-2026-11-21") == ["2026-11-21", "1", "1"]


def test_side_by_side_costs_the_same_queries_however_many_communities(client, world, counted):
    sign_in(client, world.street_admin)
    page(client, f"/console/stats?{PERIOD}")
    with count_queries() as two:
        page(client, f"/console/stats?{PERIOD}")
    factories.community(world.street, "demo-c")
    db.session.commit()
    page(client, f"/console/stats?{PERIOD}")  # the page's kept scope names are built again
    with count_queries() as three:
        page(client, f"/console/stats?{PERIOD}")
    assert len(three) == len(two)


def test_bad_filters_are_named_on_the_form(client, world, counted):
    sign_in(client, world.a.staff)
    html = page(client, "/console/stats?from=2026-11-22&to=2026-11-20")
    assert "开始日期不能晚于结束日期" in html and 'id="totals"' not in html
    html = page(client, f"/console/stats?{PERIOD}&community_id={world.b.community.id}")
    assert "只能选择您管理的社区" in html and 'id="totals"' not in html
    assert 'id="export"' not in html


def test_the_ledger_downloads_from_the_page(client, world, counted):
    sign_in(client, world.a.staff)
    response = client.get(f"/console/stats/orders.xlsx?{PERIOD}")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.data), read_only=True).active.values)
    assert rows[0][0] == "编号" and len(rows) == 1 + 7
    refused = client.get("/console/stats/orders.xlsx?from=2026-11-22&to=2026-11-20")
    assert refused.status_code == 422
