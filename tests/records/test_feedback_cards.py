"""反馈卡 over HTTP: staff of the member's community issue one per member and period, its
facts frozen from what the member really did; the PDF's text says them in Chinese."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.points.models import PointsEntry
from app.records.models import FeedbackCard
from tests.helpers.api import assert_error, call, get, get_json
from tests.helpers.commitments import complete_order
from tests.helpers.db import count_rows
from tests.helpers.records import CARD_BODY, cards_path, issue, pdf_text, serve_everything

pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_a_card_freezes_what_the_member_really_did(client, world, wish_item, frozen_clock):
    serve_everything(client, world, frozen_clock)
    response = issue(client, world.a.staff, world.a.member)
    assert response.status_code == 201, response.get_json()
    card = response.get_json()
    earned = db.session.scalar(
        select(func.sum(PointsEntry.delta)).where(PointsEntry.member_id == world.a.member.id)
    )
    facts = card["facts"]
    assert {
        k: facts[k]
        for k in (
            "orders_completed",
            "activities",
            "wishes",
            "suggestions",
            "visits",
            "ratings",
            "reports",
        )
    } == {
        "orders_completed": 1,
        "activities": 1,
        "wishes": 1,
        "suggestions": 1,
        "visits": 1,
        "ratings": 1,
        "reports": 1,
    }
    assert facts["points"] == earned > 0
    assert facts["average_rating"] == 5.0
    assert facts["commitments_kept"] == 5 == len(facts["commitments"])
    assert card["unit_id"] == world.a.unit_obj.id and card["unit_name"] == world.a.unit_obj.name
    assert card["evaluation_label"] == "优秀" and card["revision"] == 1
    assert (card["from"], card["to"]) == ("2026-01-01", "2026-12-31")


def test_the_pdf_says_the_card_in_chinese(client, world, wish_item, frozen_clock):
    serve_everything(client, world, frozen_clock)
    card = issue(client, world.a.staff, world.a.member, evaluation="good").get_json()
    response = get(client, world.a.staff, f"/staff/feedback-cards/{card['id']}.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    for expected in (
        "在职党员回家报到反馈卡",
        card["member_name"],
        world.a.unit_obj.name,
        "2026年01月01日至2026年12月31日",
        "完成服务工单1单",
        "参加组织活动1次",
        "周六报到1次",
        "点亮并完成微心愿1个",
        "走访结对户1次",
        f"获得先锋积分{card['facts']['points']}分",
        "5.0星（1次评价）",
        "点亮一个微心愿1/1已兑现",
        "已兑现5项，共5项",
        "评价等次良好",
        "服务群众积极主动，认真兑现承诺。",
    ):
        assert expected in text, expected


def test_without_the_font_file_the_built_in_chinese_font_is_used(client, world, app, caplog):
    app.config["PDF_FONT_PATH"] = "/nonexistent/font.ttc"
    card = issue(client, world.a.staff, world.a.member).get_json()
    with caplog.at_level(logging.WARNING, logger="app.records.pdf"):
        response = get(client, world.a.staff, f"/staff/feedback-cards/{card['id']}.pdf")
    assert response.status_code == 200
    assert b"STSong-Light" in response.data
    assert "服务群众积极主动" in pdf_text(response.data)


@pytest.mark.parametrize(
    ("overrides", "fields"),
    [
        ({"evaluation": "great"}, {"evaluation"}),
        ({"comment": ""}, {"comment"}),
        ({"comment": "好" * 501}, {"comment"}),
        ({"from": "2026-12-01", "to": "2026-11-01"}, {"from"}),
        ({"from": "2025-01-01", "to": "2026-06-30"}, {"to"}),
        ({"from": "2026-11-27", "to": "2026-12-31"}, {"from"}),  # not begun yet
        ({"from": "2026-13-01"}, {"from"}),
    ],
)
def test_a_bad_card_is_422_and_writes_nothing(client, world, overrides, fields):
    error = assert_error(
        issue(client, world.a.staff, world.a.member, **overrides), 422, "VALIDATION_ERROR"
    )
    assert set(error["details"]) == fields
    assert count_rows(FeedbackCard) == 0


def test_one_card_per_member_and_period(client, world):
    assert issue(client, world.a.staff, world.a.member).status_code == 201
    assert_error(
        issue(client, world.a.staff, world.a.member, evaluation="poor"), 409, "FEEDBACK_CARD_EXISTS"
    )
    # another period is another card; the street admin issues too
    other = issue(client, world.street_admin, world.a.member, **{"from": "2026-07-01"})
    assert other.status_code == 201, other.get_json()
    assert count_rows(FeedbackCard) == 2


def test_reissuing_counts_again_and_replaces_the_judgement(client, world, frozen_clock):
    card = issue(client, world.a.staff, world.a.member).get_json()
    assert card["facts"]["orders_completed"] == 0
    complete_order(client, world.a, world.item, world.a.member)
    body = {"evaluation": "fair", "comment": "请多参加社区活动。"}
    response = call(client, world.a.staff, "put", f"/staff/feedback-cards/{card['id']}", body)
    assert response.status_code == 200, response.get_json()
    again = response.get_json()
    assert again["id"] == card["id"] and again["revision"] == 2
    assert again["facts"]["orders_completed"] == 1
    assert (again["evaluation_label"], again["comment"]) == ("一般", "请多参加社区活动。")
    assert count_rows(FeedbackCard) == 1


def test_staff_of_another_community_reach_neither_the_member_nor_the_card(client, world):
    assert_error(issue(client, world.b.staff, world.a.member), 404, "NOT_FOUND")
    assert_error(issue(client, world.b.staff, world.a.member, evaluation="x"), 404, "NOT_FOUND")
    card = issue(client, world.a.staff, world.a.member).get_json()
    for path in (
        f"/staff/feedback-cards/{card['id']}.pdf",
        cards_path(world.a.member),
        f"/staff/members/{world.a.member.id}/record.pdf",
    ):
        assert_error(get(client, world.b.staff, path), 404, "NOT_FOUND")
    body = {"evaluation": "poor", "comment": "x"}
    assert_error(
        call(client, world.b.staff, "put", f"/staff/feedback-cards/{card['id']}", body),
        404,
        "NOT_FOUND",
    )
    assert count_rows(FeedbackCard) == 1


def test_the_member_and_the_unit_read_the_card(client, world):
    card = issue(client, world.a.staff, world.a.member).get_json()
    assert [
        c["id"] for c in get_json(client, world.a.member, "/member/feedback-cards")["items"]
    ] == [card["id"]]
    assert [c["id"] for c in get_json(client, world.a.unit, "/unit/feedback-cards")["items"]] == [
        card["id"]
    ]
    assert get_json(client, world.b.unit, "/unit/feedback-cards")["items"] == []
    for who, path in ((world.a.member, "/member"), (world.a.unit, "/unit")):
        response = get(client, who, f"{path}/feedback-cards/{card['id']}.pdf")
        assert response.status_code == 200
        assert CARD_BODY["comment"] in pdf_text(response.data)
    assert_error(
        get(client, world.b.unit, f"/unit/feedback-cards/{card['id']}.pdf"), 404, "NOT_FOUND"
    )
    assert_error(
        get(client, world.b.member, f"/member/feedback-cards/{card['id']}.pdf"), 404, "NOT_FOUND"
    )
