"""The queue's filters and search: each narrows the list, bad values are shown on the form
(422), and nothing outside the staff member's scope can be picked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.extensions import db
from app.orders.models import OrderSource
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.clock import beijing_today, utcnow
from tests.helpers.console import (
    page_html,
    row_ids,
    sign_in,
)
from tests.helpers.orders import make_order

pytestmark = pytest.mark.usefixtures("frozen_clock")

QUEUE = "/console/orders"


def _ids(orders) -> list[int]:
    return sorted((o.id for o in orders), reverse=True)


def test_each_filter_narrows_the_list(client, world):
    a = world.a
    other_item, other_grid = factories.catalog_item(), factories.grid(a.community)
    plain = make_order(a, world.item)
    by_category = make_order(a, other_item)
    by_grid = make_order(a, world.item, grid_id=other_grid.id)
    by_source = make_order(a, world.item, source=OrderSource.DEVICE)
    late = make_order(a, world.item, age=timedelta(days=5))
    old_done = make_order(a, world.item, S.COMPLETED, age=timedelta(days=10))
    make_order(world.b, other_item, source=OrderSource.DEVICE)
    db.session.commit()
    sign_in(client, a.staff)
    today = beijing_today(utcnow())
    recent = [plain, by_category, by_grid, by_source]

    cases = {
        f"category_id={other_item.category_id}": [by_category],
        f"grid_id={other_grid.id}": [by_grid],
        "source=device": [by_source],
        "source=miniprogram": [plain, by_category, by_grid, late, old_done],
        f"created_from={today - timedelta(days=2)}&created_to={today}": recent,
        f"created_to={today - timedelta(days=3)}": [late, old_done],
        "overdue=1": [late],
        f"overdue=1&created_from={today}": [],
    }
    for query, expected in cases.items():
        response = client.get(f"{QUEUE}?{query}")
        assert response.status_code == 200, query
        assert row_ids(page_html(response)) == _ids(expected), query


def test_search_covers_address_phone_text_and_name_case_insensitively(client, world):
    a = world.a
    first = make_order(
        a,
        world.item,
        address="东湖区BaiHua路8号",
        contact_phone="13900001111",
        description="厨房水管漏水",
        contact_name="王阿姨",
    )
    second = make_order(
        a,
        world.item,
        address="八一大道100%店",
        contact_phone="13700002222",
        description="帮忙_搬家",
        contact_name="李师傅",
    )
    make_order(
        a,
        world.item,
        address="叠山路1号",
        contact_phone="13600003333",
        description="普通的事情",
        contact_name="赵先生",
    )
    make_order(world.b, world.item, address="东湖区BaiHua路9号", contact_phone="13900001111")
    db.session.commit()
    sign_in(client, a.staff)

    cases = {
        "baihua": [first],
        "0000111": [first],
        "漏水": [first],
        "王阿": [first],
        "100%": [second],
        "%": [second],
        "_": [second],
        "忙_搬": [second],
        "不存在的内容": [],
    }
    for q, expected in cases.items():
        response = client.get(QUEUE, query_string={"q": q})
        assert row_ids(page_html(response)) == _ids(expected), q
    page = page_html(client.get(QUEUE, query_string={"q": "漏水"}))
    assert 'value="漏水"' in page


@pytest.mark.parametrize(
    "query, message, kept",
    [
        ("created_from=2026-13-45", "不是合法的日期", 'value="2026-13-45"'),
        (
            "created_from=2026-05-10&created_to=2026-05-01",
            "结束日期不能早于开始日期",
            'value="2026-05-01"',
        ),
        ("created_to=0001-01-01", "日期超出范围", None),
        ("status=unknown", "未知的状态", None),
        ("source=wechat", "未知的来源", None),
        ("overdue=maybe", "应为 true 或 false", None),
        ("category_id=abc", "应为整数", None),
        ("grid_id=99999999999", "无效的编号", None),
        ("cursor=forged", "无效的分页游标", None),
        ("limit=1000", "每页条数应在 1 到 100 之间", None),
        ("q=%00abc", "不能包含控制字符", None),
        ("q=" + "长" * 51, "长度", None),
    ],
)
def test_invalid_filters_are_shown_on_the_form_with_422(client, world, query, message, kept):
    make_order(world.a, world.item)
    db.session.commit()
    sign_in(client, world.a.staff)

    response = client.get(f"{QUEUE}?{query}")
    page = page_html(response)
    assert response.status_code == 422
    assert message in page and 'class="field-error"' in page
    assert "筛选条件有误" in page and row_ids(page) == []
    if kept:
        assert kept in page


def test_a_grid_or_community_outside_the_scope_is_refused(client, world):
    make_order(world.b, world.item, grid_id=world.b.grid.id)
    db.session.commit()
    sign_in(client, world.a.staff)

    for query, message in (
        (f"grid_id={world.b.grid.id}", "该网格不在所选社区内"),
        (f"community_id={world.b.community.id}", "只能选择您管理的社区"),
    ):
        for path in (QUEUE, f"{QUEUE}/new-count"):
            response = client.get(f"{path}?{query}")
            assert response.status_code == 422, (path, query)
            assert message in page_html(response)
