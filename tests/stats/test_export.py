"""GET /staff/exports/orders.xlsx (CONTRACT §6.7): the workbook opened with openpyxl."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook

from app.extensions import db
from tests.helpers.api import auth, get
from tests.helpers.queries import queries_of_request
from tests.stats.conftest import PERIOD, bj, placed

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = (
    "编号", "提交时间", "社区", "服务分类", "服务项目", "来源", "状态",
    "诉求", "地址", "联系人", "电话", "党员", "完成时间", "评分",
)  # fmt: skip


def sheet_rows(response) -> list[tuple]:
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.mimetype == XLSX
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    # A read-only sheet leaves a row's empty cells at its end out: put them back.
    return [r + (None,) * (len(HEADER) - len(r)) for r in book.active.iter_rows(values_only=True)]


def test_one_row_per_order_of_the_period_with_a_header(client, world, counted):
    rows = sheet_rows(get(client, world.a.staff, f"/staff/exports/orders.xlsx?{PERIOD}"))
    o = counted.orders
    assert rows[0] == HEADER
    assert [r[0] for r in rows[1:]] == sorted(
        o[name].id for name in ("o1", "o2", "o3", "o4", "o10", "o8", "o5")
    )
    first = dict(zip(HEADER, next(r for r in rows if r[0] == o["o1"].id), strict=True))
    assert first == {
        "编号": o["o1"].id,
        "提交时间": datetime(2026, 11, 20, 9, 0),
        "社区": world.a.community.name,
        "服务分类": world.item.category.name,
        "服务项目": world.item.name,
        "来源": "小程序",
        "状态": "已评价",
        "诉求": "家里水管漏水，需要帮忙维修",
        "地址": "东湖区百花洲路1号2栋301",
        "联系人": None,
        "电话": "13812341234",
        "党员": world.a.member.shown_name,
        "完成时间": datetime(2026, 11, 21, 10, 0),
        "评分": 5,
    }
    waiting = dict(zip(HEADER, next(r for r in rows if r[0] == o["o5"].id), strict=True))
    assert (waiting["状态"], waiting["党员"], waiting["完成时间"], waiting["评分"]) == (
        "待审核",
        None,
        None,
        None,
    )
    assert waiting["提交时间"] == datetime(2026, 11, 22, 23, 59)


def test_a_street_admin_exports_the_street_or_one_community(client, world, counted):
    path = f"/staff/exports/orders.xlsx?{PERIOD}"
    assert len(sheet_rows(get(client, world.street_admin, path))) == 1 + 8
    b = world.b.community.id
    rows = sheet_rows(get(client, world.street_admin, f"{path}&community_id={b}"))
    assert [r[0] for r in rows[1:]] == [counted.orders["o9"].id]


def test_an_empty_period_is_the_header_alone(client, world, counted):
    path = "/staff/exports/orders.xlsx?from=2026-10-01&to=2026-10-31"
    response = get(client, world.a.staff, path)
    assert sheet_rows(response) == [HEADER]
    assert "attachment" in response.headers["Content-Disposition"]


def test_the_export_runs_a_fixed_number_of_queries(client, world, counted):
    path = f"/api/v1/staff/exports/orders.xlsx?{PERIOD}"
    get(client, world.a.staff, path.removeprefix("/api/v1"))  # the caller is kept
    few = queries_of_request(client, path, auth(world.a.staff))
    for n in range(30):
        placed(world.a, counted.other_item, "completed", bj(21, 8, n), completed=bj(22, 8, n))
    db.session.commit()
    assert queries_of_request(client, path, auth(world.a.staff)) == few
