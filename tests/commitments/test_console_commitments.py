"""1+X 承诺 in the console: the members × commitments table, the community's own items, and
a mark for one done; a fixed number of queries however many members."""

import pytest
from sqlalchemy import select

from app.commitments.models import CommitmentItem, CommitmentMark
from app.extensions import db
from tests.helpers.commitments import by_key, choose, complete_order, make_item
from tests.helpers.console import flashes, page_text, post_form, sign_in
from tests.helpers.db import count_rows
from tests.helpers.factories import member
from tests.helpers.queries import queries_of_request

pytestmark = pytest.mark.usefixtures("frozen_clock")
PAGE = "/console/commitments"


def test_the_table_shows_each_members_commitments_counted(client, world):
    a = world.a
    item = make_item(a, title="楼道清洁", target=1)
    choose(client, a.member, ["volunteer", "wish"], [item.id])
    complete_order(client, a, world.item, a.member)
    sign_in(client, a.staff)
    text = page_text(client.get(PAGE))
    assert "2026 年“1+X”承诺完成情况" in text
    assert "开展一次志愿服务 1/1 ✓" in text
    assert "点亮一个微心愿 0/1" in text
    assert "楼道清洁 0/1" in text


def test_staff_add_an_item_and_mark_it_done(client, world):
    a = world.a
    sign_in(client, a.staff)
    form = {"community_id": a.community.id, "title": "义务理发", "target": "2"}
    response = post_form(client, f"{PAGE}/items", form, follow=True)
    assert "已添加承诺项目“义务理发”" in flashes(response)
    assert "义务理发" in page_text(response)
    item = db.session.scalar(select(CommitmentItem).where(CommitmentItem.title == "义务理发"))
    commitment = by_key(choose(client, a.member, [], [item.id]).get_json())[f"custom:{item.id}"]
    response = post_form(client, f"{PAGE}/{commitment['id']}/marks", follow=True)
    assert "已记录一次“义务理发”：1/2" in flashes(response)
    assert count_rows(CommitmentMark) == 1


def test_a_duplicate_item_title_is_refused_with_a_message(client, world):
    make_item(world.a, title="楼道清洁")
    sign_in(client, world.a.staff)
    form = {"community_id": world.a.community.id, "title": "楼道清洁"}
    response = post_form(client, f"{PAGE}/items", form)
    assert response.status_code == 422
    assert "本社区已有名为“楼道清洁”的承诺项目" in page_text(response)
    assert count_rows(CommitmentItem) == 1


def test_another_communitys_commitment_is_404(client, world):
    item = make_item(world.b)
    commitment = by_key(choose(client, world.b.member, [], [item.id]).get_json())
    sign_in(client, world.a.staff)
    path = f"{PAGE}/{commitment[f'custom:{item.id}']['id']}/marks"
    assert post_form(client, path).status_code == 404
    assert post_form(client, f"{PAGE}/items/{item.id}/active", {"active": "0"}).status_code == 404
    assert count_rows(CommitmentMark) == 0


def test_the_page_costs_the_same_for_one_member_or_many(client, world):
    a = world.a
    item = make_item(a)
    choose(client, a.member, ["volunteer", "pairing"], [item.id])
    sign_in(client, a.staff)
    queries_of_request(client, PAGE)  # the kept values (caller, scope name) built once
    one = queries_of_request(client, PAGE)
    for _ in range(4):
        choose(client, member(a.community), ["volunteer", "pairing"], [item.id])
    queries_of_request(client, PAGE)  # the writes dropped the kept caller: built again
    assert queries_of_request(client, PAGE) == one
