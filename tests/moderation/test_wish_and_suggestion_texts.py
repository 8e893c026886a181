"""CONTRACT §6.2 for wish and suggestion texts (and visit notes): checked with msg_sec_check
before anything is written; risky is refused, review is accepted and marked for staff, who
may hide it."""

from __future__ import annotations

from app.catalog.models import CatalogItem, Category, CategoryKind
from app.extensions import db
from app.moderation.subjects import HIDDEN_TEXT, Scene, SubjectKind
from app.orders.models import Order
from app.pairings.models import PairingVisit
from app.suggestions.models import Suggestion
from app.wishes.models import Wish
from tests.helpers.api import assert_error, post
from tests.helpers.db import count_rows
from tests.helpers.fake_wechat import REVIEW_WORD, RISKY_WORD
from tests.helpers.moderation import reviews
from tests.helpers.wishes import wish_body

CHECK = "/wxa/msg_sec_check"


def _wish_item(app) -> None:
    category = Category(name="助学帮困", kind=CategoryKind.VOLUNTEER)
    db.session.add(CatalogItem(category=category, name=app.config["WISH_ITEM_NAME"], points=20))
    db.session.commit()


def test_a_risky_wish_is_refused_and_writes_nothing(checked_app, checked_client, checked_world):
    _wish_item(checked_app)
    body = wish_body(checked_world.a.community, description=f"想要{RISKY_WORD}物品")
    response = post(checked_client, checked_world.a.resident, "/wishes", body)
    assert "description" in assert_error(response, 422, "CONTENT_RISKY")["details"]
    assert count_rows(Order) == 0 and count_rows(Wish) == 0


def test_a_wish_to_review_is_posted_and_marked(
    checked_app, checked_client, checked_world, fake_wechat
):
    _wish_item(checked_app)
    body = wish_body(checked_world.a.community, description=f"想要{REVIEW_WORD}的书")
    response = post(checked_client, checked_world.a.resident, "/wishes", body)
    assert response.status_code == 201, response.get_json()
    [review] = reviews()
    assert (review.subject_kind, review.subject_id) == (
        SubjectKind.ORDER_DESCRIPTION,
        response.get_json()["id"],
    )
    assert fake_wechat.last(CHECK)["body"]["scene"] == Scene.FORUM


def test_a_risky_suggestion_is_refused(checked_client, checked_world):
    body = {"community_id": checked_world.a.community.id, "text": f"{RISKY_WORD}建议"}
    response = post(checked_client, checked_world.a.resident, "/suggestions", body)
    assert "text" in assert_error(response, 422, "CONTENT_RISKY")["details"]
    assert count_rows(Suggestion) == 0


def test_a_suggestion_to_review_is_kept_until_staff_hide_it(checked_client, checked_world):
    text = f"建议{REVIEW_WORD}增加路灯"
    body = {"community_id": checked_world.a.community.id, "text": text}
    response = post(checked_client, checked_world.a.member, "/suggestions", body)
    assert response.status_code == 201, response.get_json()
    [review] = reviews()
    assert (review.subject_kind, review.subject_id) == (
        SubjectKind.SUGGESTION_TEXT,
        response.get_json()["id"],
    )
    hidden = post(checked_client, checked_world.a.staff, f"/staff/content-reviews/{review.id}/hide")
    assert hidden.status_code == 200, hidden.get_json()
    db.session.expire_all()
    assert db.session.get(Suggestion, response.get_json()["id"]).text == HIDDEN_TEXT


def test_a_risky_visit_note_is_refused(checked_client, checked_world):
    pairing = post(
        checked_client,
        checked_world.a.member,
        "/member/pairings",
        {"name": "赵大娘", "phone": "13900001111", "address": "东湖区1号"},
    ).get_json()
    body = {"date": "2026-11-30", "note": f"{RISKY_WORD}内容"}
    response = post(
        checked_client, checked_world.a.member, f"/member/pairings/{pairing['id']}/visits", body
    )
    assert "note" in assert_error(response, 422, "CONTENT_RISKY")["details"]
    assert count_rows(PairingVisit) == 0
