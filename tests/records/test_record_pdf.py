"""纪实手册: the whole record of a member as a PDF, for staff of the member's community and
the member themself, its sections written from what the member did over HTTP."""

from __future__ import annotations

import pytest

from tests.helpers.api import API, assert_error, auth, get
from tests.helpers.commitments import complete_order
from tests.helpers.queries import queries_of_request
from tests.helpers.records import issue, pdf_text, serve_everything

pytestmark = pytest.mark.usefixtures("frozen_clock")


def record_path(user) -> str:
    return f"/staff/members/{user.id}/record.pdf"


def test_the_record_has_every_section(client, world, wish_item, frozen_clock):
    serve_everything(client, world, frozen_clock)
    issue(client, world.a.staff, world.a.member, evaluation="good")
    response = get(client, world.a.staff, record_path(world.a.member))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    profile_name = world.a.member.display_name
    for expected in (
        "在职党员服务纪实手册",
        f"姓名{profile_name}",
        world.a.unit_obj.name,
        "2026年承诺项目",
        "结对一户居民1/1已兑现",
        "完成的服务工单（1单）",
        f"{world.item.name}5星",
        "参加的组织活动（1次）日期活动2026年11月27日邻里节·百家宴",
        "点亮的微心愿（1个）",
        "想要一套小学五年级的课外读物",
        "结对走访（1次）日期结对户走访情况2026年11月26日东湖区百花洲路3号1栋102陪老人聊天",
        "2026.01.01–2026.12.31良好",
    ):
        assert expected in text, expected


def test_the_member_downloads_their_own_record(client, world):
    response = get(client, world.a.member, "/member/record.pdf")
    assert response.status_code == 200
    assert "尚未认领承诺" in pdf_text(response.data)
    assert_error(get(client, world.a.resident, "/member/record.pdf"), 403, "FORBIDDEN")


def test_a_record_out_of_reach_is_404(client, world):
    assert_error(get(client, world.b.staff, record_path(world.a.member)), 404, "NOT_FOUND")
    assert_error(get(client, world.a.staff, record_path(world.a.resident)), 404, "NOT_FOUND")


def test_the_record_costs_the_same_queries_however_long(client, world, frozen_clock):
    headers = auth(world.a.staff)
    path = API + record_path(world.a.member)
    complete_order(client, world.a, world.item, world.a.member, rate=True)
    once = queries_of_request(client, path, headers)
    for _ in range(3):
        complete_order(client, world.a, world.item, world.a.member, rate=True)
    issue(client, world.a.staff, world.a.member)
    assert queries_of_request(client, path, headers) == once
