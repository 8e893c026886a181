"""The redemptions' xlsx export: a workbook with a Chinese header row and one row per
redemption of the staff's communities (a period of Beijing days, both included; a status),
a Chinese filename per RFC 5987, a bad period a 422 page, and a fixed number of queries."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from urllib.parse import quote

from openpyxl import load_workbook
from sqlalchemy import update

from app.extensions import db
from app.mall.models import Redemption
from tests.helpers import factories, mall
from tests.helpers.console import assert_page_error, sign_in
from tests.helpers.queries import count_queries

EXPORT = "/console/redemptions.xlsx"
HEADER = [
    "编号", "社区", "奖品", "兑换人", "积分", "状态", "兑换码",
    "兑换时间", "有效期至", "核销时间", "核销人", "取消/过期时间",
]  # fmt: skip


def redeem_many(client, community, users, **reward_fields) -> list[dict]:
    reward = mall.reward(community, stock=len(users), **reward_fields)
    made = []
    for user in users:
        mall.give_points(user, reward.points)
        response = mall.redeem(client, user, reward.id)
        assert response.status_code == 201, response.get_json()
        made.append(response.get_json())
    return made


def sheet_rows(response) -> list[list]:
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    # Read-only sheets leave out a row's trailing empty cells.
    rows = [list(row) for row in book.active.iter_rows(values_only=True)]
    return [row + [None] * (len(HEADER) - len(row)) for row in rows]


def made_at(redemption_id: int, moment: datetime) -> None:
    db.session.execute(
        update(Redemption).where(Redemption.id == redemption_id).values(created_at=moment)
    )
    db.session.commit()


def test_the_workbook_has_the_header_and_a_row_per_redemption(client, world):
    first, second = redeem_many(
        client, world.a.community, [world.a.resident, world.a.member], name="大米五斤", points=8
    )
    (theirs,) = redeem_many(client, world.b.community, [world.b.resident], name="别的社区的油")
    assert mall.verify(client, world.a.staff, second["code"]).status_code == 200
    sign_in(client, world.a.staff)

    response = client.get(EXPORT)

    assert response.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote('兑换记录.xlsx')}" in disposition
    rows = sheet_rows(response)
    assert rows[0] == HEADER
    assert [row[0] for row in rows[1:]] == [first["id"], second["id"]]
    by_id = {row[0]: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    assert by_id[first["id"]]["状态"] == "待核销" and by_id[first["id"]]["核销时间"] is None
    done = by_id[second["id"]]
    assert (done["奖品"], done["积分"], done["兑换码"]) == ("大米五斤", 8, second["code"])
    assert (done["状态"], done["核销人"]) == ("已核销", world.a.staff.shown_name)
    assert isinstance(done["核销时间"], datetime) and done["社区"] == world.a.community.name
    assert theirs["code"] not in str(rows)


def test_a_period_of_beijing_days_and_a_status(client, world):
    early, inside, late = redeem_many(
        client, world.a.community, [factories.resident() for _ in range(3)]
    )
    # 2026-12-04 23:59 and 2026-12-06 00:00 Beijing fall outside 12-05..12-05; 00:00 inside.
    made_at(early["id"], datetime(2026, 12, 4, 15, 59, tzinfo=UTC))
    made_at(inside["id"], datetime(2026, 12, 4, 16, 0, tzinfo=UTC))
    made_at(late["id"], datetime(2026, 12, 5, 16, 0, tzinfo=UTC))
    sign_in(client, world.a.staff)

    day = sheet_rows(client.get(f"{EXPORT}?from=2026-12-05&to=2026-12-05"))
    assert [row[0] for row in day[1:]] == [inside["id"]]
    assert day[1][7] == datetime(2026, 12, 5, 0, 0)  # Beijing wall time
    both = sheet_rows(client.get(f"{EXPORT}?from=2026-12-04&to=2026-12-05"))
    assert [row[0] for row in both[1:]] == [early["id"], inside["id"]]
    assert sheet_rows(client.get(f"{EXPORT}?status=fulfilled")) == [HEADER]
    named = client.get(f"{EXPORT}?status=pending&from=2026-12-04&to=2026-12-05")
    filename = quote("兑换记录_待核销_2026-12-04至2026-12-05.xlsx")
    assert f"filename*=UTF-8''{filename}" in named.headers["Content-Disposition"]


def test_bad_arguments_are_a_422_page(client, world):
    sign_in(client, world.a.staff)
    assert_page_error(client.get(f"{EXPORT}?from=2026-12-06&to=2026-12-05"), 422, "不能晚于")
    assert_page_error(client.get(f"{EXPORT}?from=12/05"), 422, "YYYY-MM-DD")
    assert_page_error(client.get(f"{EXPORT}?status=lost"), 422, "无效的兑换状态")
    assert_page_error(client.get(f"{EXPORT}?community_id={world.b.community.id}"), 404, "找不到")


def test_signed_out_it_is_the_login_page(client, world):
    response = client.get(EXPORT)
    assert response.status_code == 302 and "/console/login" in response.headers["Location"]


def exported_queries(client) -> tuple[int, int]:
    # Once first: new users drop the kept caller, which the next request reads again.
    client.get(EXPORT)
    with count_queries() as statements, client.application.app_context():
        rows = sheet_rows(client.get(EXPORT))
    return len(statements), len(rows) - 1


def test_the_export_runs_a_fixed_number_of_queries(client, world):
    sign_in(client, world.street_admin)
    redeem_many(client, world.a.community, [factories.resident() for _ in range(2)])
    small, small_rows = exported_queries(client)

    redeem_many(client, world.b.community, [factories.resident() for _ in range(30)])
    large, large_rows = exported_queries(client)

    assert (small_rows, large_rows) == (2, 32)
    assert small == large and large <= 4, large
