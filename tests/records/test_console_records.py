"""纪实 in the console: staff issue a 反馈卡 on a member's page (its messages, the period
taken, members out of reach), preview and download it; the unit it was sent to lists and
downloads its members' cards, and no other unit reaches them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.records.models import FeedbackCard
from tests.helpers.console import (
    assert_page_error,
    field_errors,
    flashes,
    page_text,
    post_form,
    sign_in,
)
from tests.helpers.db import count_rows
from tests.helpers.records import CARD_BODY, pdf_text

pytestmark = pytest.mark.usefixtures("frozen_clock")


def record_page(member) -> str:
    return f"/console/members/{member.id}/record"


def issue_form(client, member, follow: bool = False, **overrides):
    path = f"/console/members/{member.id}/feedback-cards"
    data = {**CARD_BODY, **overrides}
    return post_form(client, path, data, follow=follow, token_from=record_page(member))


def issued(client, world) -> FeedbackCard:
    sign_in(client, world.a.staff)
    response = issue_form(client, world.a.member, follow=True)
    assert response.status_code == 200
    assert flashes(response) == [f"已出具{world.a.member.display_name}的反馈卡（优秀）"]
    return db.session.scalars(select(FeedbackCard)).one()


def switch_to(client, user) -> None:
    """Signed out, then in as `user` (a unit's account)."""
    assert post_form(client, "/console/logout").status_code == 302
    sign_in(client, user)


def test_staff_issue_a_card_on_the_members_page(client, world):
    card = issued(client, world)
    page = page_text(client.get(record_page(world.a.member)))
    assert "2026-01-01 至 2026-12-31" in page and "优秀" in page
    assert f'href="/console/feedback-cards/{card.id}.pdf"' in page
    roster = page_text(client.get("/console/members"))
    assert f'href="/console/members/{world.a.member.id}/record"' in roster


def test_a_bad_form_shows_its_messages_and_a_second_card_is_refused(client, world):
    sign_in(client, world.a.staff)
    response = issue_form(client, world.a.member, evaluation="", comment="")
    assert response.status_code == 422
    assert len(field_errors(response)) == 2  # the evaluation's and the comment's
    assert "请选择社区评价" in page_text(response) or "evaluation-error" in page_text(response)
    response = issue_form(client, world.a.member, to="2025-12-31")
    assert response.status_code == 422 and field_errors(response) == ["开始日期不能晚于结束日期"]
    assert count_rows(FeedbackCard) == 0
    assert issue_form(client, world.a.member).status_code == 302
    again = issue_form(client, world.a.member)
    assert again.status_code == 409
    assert flashes(again) == ["该党员在这一期间已有反馈卡，可重新出具以更新"]
    assert count_rows(FeedbackCard) == 1


def test_another_communitys_member_is_a_404_page(client, world):
    sign_in(client, world.b.staff)
    assert client.get(record_page(world.a.member)).status_code == 404
    assert issue_form(client, world.a.member).status_code == 404
    assert client.get(f"/console/members/{world.a.member.id}/record.pdf").status_code == 404
    assert count_rows(FeedbackCard) == 0


def test_the_preview_shows_the_cards_facts(client, world):
    card = issued(client, world)
    text = page_text(client.get(f"/console/feedback-cards/{card.id}"))
    for expected in (
        "在职党员回家报到反馈卡",
        world.a.unit_obj.name,
        "完成服务工单",
        "0 单",
        "优秀",
        CARD_BODY["comment"],
    ):
        assert expected in text, expected
    response = client.get(f"/console/members/{world.a.member.id}/record.pdf")
    assert response.status_code == 200 and "纪实手册" in pdf_text(response.data)


def test_the_unit_lists_and_downloads_its_members_cards(client, world):
    card = issued(client, world)
    switch_to(client, world.a.unit)
    page = page_text(client.get("/console/unit/members"))
    assert f'id="card-{card.id}"' in page and "优秀" in page
    response = client.get(f"/console/feedback-cards/{card.id}.pdf")
    assert response.status_code == 200
    assert world.a.unit_obj.name in pdf_text(response.data)
    assert client.get(f"/console/feedback-cards/{card.id}").status_code == 200


def test_no_other_unit_reaches_the_card(client, world):
    card = issued(client, world)
    switch_to(client, world.b.unit)
    assert "目前还没有出具的反馈卡" in page_text(client.get("/console/unit/members"))
    for path in (f"/console/feedback-cards/{card.id}", f"/console/feedback-cards/{card.id}.pdf"):
        assert_page_error(client.get(path), 404, "找不到该内容")
    # a unit's account is no staff: the member's page sends it home
    assert client.get(record_page(world.a.member)).status_code == 302
