"""CONTRACT §6.2: a resident's order description and rating comment go through
msg_sec_check (wechatpy to the fake WeChat server) before anything is written."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.moderation.models import ReviewReason, ReviewStatus
from app.moderation.subjects import Scene, SubjectKind
from app.orders.models import IdempotencyKey, Order, OrderStatus
from tests.helpers.api import assert_error, bearer, call, post, wechat_login
from tests.helpers.console import page_text, post_form, sign_in
from tests.helpers.db import count_rows
from tests.helpers.fake_wechat import (
    BOOM_WORD,
    BUSY_WORD,
    HTML_WORD,
    REVIEW_WORD,
    RISKY_WORD,
    SLOW_WORD,
    V1_RISKY_WORD,
)
from tests.helpers.moderation import reviews
from tests.helpers.orders import order_body, seeded_order, stored_order

CHECK = "/wxa/msg_sec_check"


def _create(client, world, description: str, headers: dict | None = None):
    body = order_body(world.a.community, world.item, description=description)
    return call(client, world.a.resident, "post", "/orders", body, headers)


def _rate(client, world, order, comment: str):
    return post(
        client, world.a.resident, f"/orders/{order.id}/rating", {"stars": 5, "comment": comment}
    )


@pytest.mark.parametrize("word", [RISKY_WORD, V1_RISKY_WORD])
def test_risky_description_is_refused_and_writes_nothing(
    checked_client, checked_world, fake_wechat, word
):
    response = _create(
        checked_client, checked_world, f"帮我发个{word}广告", {"Idempotency-Key": "k-1"}
    )

    error = assert_error(response, 422, "CONTENT_RISKY")
    assert "description" in error["details"]
    assert count_rows(Order) == 0
    assert count_rows(IdempotencyKey) == 0
    assert reviews() == []


def test_the_check_is_version_2_with_the_residents_openid_and_a_scene(
    checked_client, checked_world, fake_wechat
):
    assert _create(checked_client, checked_world, "家里水管漏水").status_code == 201

    assert fake_wechat.calls[CHECK] == 1
    body = fake_wechat.last(CHECK)["body"]
    assert body == {
        "content": "家里水管漏水",
        "version": 2,
        "scene": Scene.FORUM,
        "openid": checked_world.a.resident.openid,
    }
    assert fake_wechat.last(CHECK)["query"]["access_token"] in fake_wechat.valid_tokens
    assert reviews() == []  # passed: nothing to review


def test_review_verdict_accepts_the_order_and_marks_it(checked_app, checked_client, checked_world):
    text = f"楼道里有人{REVIEW_WORD}贴小广告"
    response = _create(checked_client, checked_world, text)

    assert response.status_code == 201, response.get_json()
    order_id = response.get_json()["id"]
    assert stored_order(order_id).description == text
    [review] = reviews()
    assert (review.subject_kind, review.subject_id) == (SubjectKind.ORDER_DESCRIPTION, order_id)
    assert (review.reason, review.status, review.text) == (
        ReviewReason.REVIEW,
        ReviewStatus.PENDING,
        text,
    )
    assert review.community_id == checked_world.a.community.id
    assert review.author_id == checked_world.a.resident.id
    console = sign_in(checked_app.test_client(), checked_world.a.staff)
    page = page_text(console.get("/console/content-reviews"))
    assert f'data-review-id="{review.id}"' in page and text in page


@pytest.mark.parametrize("word", [BUSY_WORD, BOOM_WORD, HTML_WORD, SLOW_WORD])
def test_wechat_failing_or_slow_accepts_the_order_unchecked(
    checked_client, checked_world, fake_wechat, word
):
    response = _create(checked_client, checked_world, f"求助：{word}")

    assert response.status_code == 201, response.get_json()
    [review] = reviews()
    assert review.subject_id == response.get_json()["id"]
    assert review.reason == ReviewReason.UNCHECKED
    assert fake_wechat.calls[CHECK] == 1


def test_a_replayed_create_marks_its_order_once(checked_client, checked_world):
    key = {"Idempotency-Key": "same-key"}
    first = _create(checked_client, checked_world, f"{REVIEW_WORD}的内容", key)
    second = _create(checked_client, checked_world, f"{REVIEW_WORD}的内容", key)

    assert first.status_code == second.status_code == 201
    assert first.get_json()["id"] == second.get_json()["id"]
    assert count_rows(Order) == 1
    assert len(reviews()) == 1


def test_risky_comment_is_refused_and_the_order_stays_completed(
    checked_client, checked_world, fake_wechat
):
    order = seeded_order(checked_world.a, checked_world.item, OrderStatus.COMPLETED)

    response = _rate(checked_client, checked_world, order, f"{RISKY_WORD}的话")

    assert_error(response, 422, "CONTENT_RISKY")
    stored = stored_order(order.id)
    assert (stored.status, stored.stars, stored.comment) == (OrderStatus.COMPLETED, None, None)
    assert fake_wechat.last(CHECK)["body"]["scene"] == Scene.COMMENT


def test_comment_marked_for_review_rates_the_order(checked_client, checked_world):
    order = seeded_order(checked_world.a, checked_world.item, OrderStatus.COMPLETED)

    response = _rate(checked_client, checked_world, order, f"服务不错，{REVIEW_WORD}")

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == OrderStatus.RATED
    [review] = reviews()
    assert (review.subject_kind, review.subject_id) == (SubjectKind.ORDER_COMMENT, order.id)


def test_a_rating_without_comment_is_not_checked(checked_client, checked_world, fake_wechat):
    order = seeded_order(checked_world.a, checked_world.item, OrderStatus.COMPLETED)

    response = post(
        checked_client, checked_world.a.resident, f"/orders/{order.id}/rating", {"stars": 4}
    )

    assert response.status_code == 200, response.get_json()
    assert fake_wechat.calls[CHECK] == 0


def test_fake_mode_checks_nothing(client, world, fake_wechat):
    response = _create(client, world, f"{RISKY_WORD}也能提交")

    assert response.status_code == 201
    assert fake_wechat.requests == []
    assert reviews() == []


def test_an_order_staff_enter_is_not_checked(checked_client, checked_world, fake_wechat):
    """代点单: the resident has no openid, and staff are not checked either."""
    sign_in(checked_client, checked_world.a.staff)
    form = {
        "contact_name": "刘奶奶",
        "contact_phone": "13979100001",
        "address": "东湖区百花洲路 8 号3栋 201",
        "item_id": str(checked_world.item.id),
        "description": f"{RISKY_WORD}字样也照录",
    }

    response = post_form(
        checked_client, "/console/orders/new", form, token_from="/console/orders/new"
    )

    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    assert count_rows(Order) == 1
    assert fake_wechat.calls[CHECK] == 0
    assert reviews() == []


def test_a_resident_without_openid_is_not_checked(checked_client, checked_world, fake_wechat):
    resident = checked_world.a.resident
    resident.openid = None
    db.session.commit()

    response = _create(checked_client, checked_world, f"{RISKY_WORD}的描述")

    assert response.status_code == 201
    assert fake_wechat.calls[CHECK] == 0


def test_a_resident_logged_in_through_wechat_is_checked_by_their_openid(
    checked_client, checked_world, fake_wechat
):
    token = wechat_login(checked_client, "resident-code").get_json()["token"]
    body = order_body(checked_world.a.community, checked_world.item, description="求助")

    response = checked_client.post("/api/v1/orders", json=body, headers=bearer(token))

    assert response.status_code == 201, response.get_json()
    assert fake_wechat.last(CHECK)["body"]["openid"] == "openid-resident-code"
