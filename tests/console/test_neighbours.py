"""The console's 意见建议 and 结对 pages, and the queue's 微心愿 filter: staff see their own
communities only, answer a suggestion once (the author told), and filter wishes."""

from __future__ import annotations

import pytest

from app.catalog.models import CatalogItem, Category, CategoryKind
from app.extensions import db
from tests.helpers.api import get_json, post
from tests.helpers.console import flashes, page_text, post_form, row_ids, sign_in
from tests.helpers.orders import seeded_order
from tests.helpers.wishes import posted_wish


@pytest.fixture
def staff_client(app, world):
    return sign_in(app.test_client(), world.a.staff)


def _suggest(client, side, text):
    body = {"community_id": side.community.id, "text": text}
    return post(client, side.resident, "/suggestions", body).get_json()


def test_staff_answer_a_suggestion_on_the_page(client, staff_client, world):
    made = _suggest(client, world.a, "建议增设长椅")
    _suggest(client, world.b, "别的社区的建议")
    page = page_text(staff_client.get("/console/suggestions?status=pending"))
    assert "建议增设长椅" in page and "别的社区的建议" not in page

    response = post_form(
        staff_client,
        f"/console/suggestions/{made['id']}/answer?status=pending",
        {"answer": "下周安装"},
        follow=True,
    )
    assert response.status_code == 200
    assert any("已答复" in message for message in flashes(response))
    answered = page_text(staff_client.get("/console/suggestions?status=answered"))
    assert "下周安装" in answered
    assert get_json(client, world.a.resident, "/my/messages")["items"][0]["body"].endswith(
        "下周安装"
    )
    again = post_form(
        staff_client,
        f"/console/suggestions/{made['id']}/answer",
        {"answer": "再答"},
        follow=True,
    )
    assert any("已答复" in message for message in flashes(again))


def test_another_communitys_suggestion_is_not_found(client, staff_client, world):
    other = _suggest(client, world.b, "别的社区")
    response = post_form(
        staff_client, f"/console/suggestions/{other['id']}/answer", {"answer": "好"}
    )
    assert response.status_code == 404


def test_the_pairings_page_lists_pairings_and_their_visits(client, staff_client, world):
    body = {"name": "赵大娘", "phone": "13900001111", "address": "东湖区3号"}
    pairing = post(client, world.a.member, "/member/pairings", body).get_json()
    post(client, world.b.member, "/member/pairings", {**body, "name": "钱大爷"})
    visit = {"date": "2026-11-30", "note": "帮忙换了灯泡"}
    post(client, world.a.member, f"/member/pairings/{pairing['id']}/visits", visit)

    page = page_text(staff_client.get("/console/pairings"))
    assert "赵大娘" in page and "钱大爷" not in page
    visits = page_text(staff_client.get(f"/console/pairings/{pairing['id']}"))
    assert "帮忙换了灯泡" in visits and "共走访 1 次" in visits


def test_the_queue_filters_wishes(client, staff_client, world):
    item = CatalogItem(
        category=Category(name="助学帮困", kind=CategoryKind.VOLUNTEER),
        name="点亮微心愿",
        points=20,
    )
    db.session.add(item)
    db.session.commit()
    wish = posted_wish(client, world.a)
    order = seeded_order(world.a, world.item)
    assert row_ids(page_text(staff_client.get("/console/orders?kind=wish"))) == [wish["id"]]
    assert row_ids(page_text(staff_client.get("/console/orders?kind=service"))) == [order.id]
    assert staff_client.get("/console/orders?kind=other").status_code == 422
