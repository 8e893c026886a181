"""Staff clear or hide a text marked for review (API): the hidden text is replaced where it
was shown, the review keeps the original, a second decision is refused, and other
communities' reviews are out of reach."""

from __future__ import annotations

import pytest

from app.moderation.models import ReviewStatus
from app.moderation.subjects import HIDDEN_TEXT, SubjectKind
from app.orders.models import OrderStatus
from tests.helpers.api import assert_error, get, get_json, item_ids, post
from tests.helpers.moderation import reviews, seeded_review
from tests.helpers.orders import seeded_order, stored_order
from tests.helpers.permissions import Case, check, matrix


@pytest.fixture
def review_a(world):
    return seeded_review(seeded_order(world.a, world.item))


def test_staff_list_their_communitys_pending_reviews(client, world, review_a):
    seeded_review(seeded_order(world.b, world.item))

    body = get_json(client, world.a.staff, "/staff/content-reviews")

    assert item_ids(body) == [review_a.id]
    [item] = body["items"]
    assert item["text"] == review_a.text and item["status"] == ReviewStatus.PENDING
    assert len(get_json(client, world.street_admin, "/staff/content-reviews")["items"]) == 2


def test_clear_keeps_the_text(client, world, review_a):
    response = post(client, world.a.staff, f"/staff/content-reviews/{review_a.id}/clear")

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == ReviewStatus.CLEARED
    assert response.get_json()["decided_by_id"] == world.a.staff.id
    assert stored_order(review_a.subject_id).description == review_a.text


def test_hide_replaces_the_description_and_keeps_the_original(client, world, review_a):
    original = review_a.text

    response = post(client, world.a.staff, f"/staff/content-reviews/{review_a.id}/hide")

    assert response.status_code == 200, response.get_json()
    assert stored_order(review_a.subject_id).description == HIDDEN_TEXT
    resident_view = get_json(client, world.a.resident, f"/orders/{review_a.subject_id}")
    assert resident_view["description"] == HIDDEN_TEXT
    [review] = reviews()
    assert (review.status, review.text) == (ReviewStatus.HIDDEN, original)


def test_hide_a_comment_replaces_the_comment(client, world):
    order = seeded_order(world.a, world.item, OrderStatus.RATED)
    order.comment = "不太满意"
    review = seeded_review(order, SubjectKind.ORDER_COMMENT)

    post(client, world.a.staff, f"/staff/content-reviews/{review.id}/hide")

    stored = stored_order(order.id)
    assert (stored.comment, stored.description) == (HIDDEN_TEXT, order.description)


@pytest.mark.parametrize("first", ["clear", "hide"])
@pytest.mark.parametrize("second", ["clear", "hide"])
def test_a_second_decision_is_refused(client, world, review_a, first, second):
    post(client, world.a.staff, f"/staff/content-reviews/{review_a.id}/{first}")

    response = post(client, world.a.staff, f"/staff/content-reviews/{review_a.id}/{second}")

    assert_error(response, 409, "REVIEW_STATE_CONFLICT")
    [review] = reviews()
    assert review.status == (ReviewStatus.CLEARED if first == "clear" else ReviewStatus.HIDDEN)


def test_an_unknown_review_is_404_and_a_bad_status_filter_422(client, world):
    assert_error(post(client, world.a.staff, "/staff/content-reviews/999/clear"), 404, "NOT_FOUND")
    listed = get(client, world.a.staff, "/staff/content-reviews?status=gone")
    assert_error(listed, 422, "VALIDATION_ERROR")


def test_other_communities_reviews_are_not_listed(client, world, review_a):
    assert get_json(client, world.b.staff, "/staff/content-reviews")["items"] == []


CASES = [
    Case("b.staff", "post", "/staff/content-reviews/{review}/clear", 404),
    Case("b.staff", "post", "/staff/content-reviews/{review}/hide", 404),
    Case("a.resident", "post", "/staff/content-reviews/{review}/hide", 403),
    Case("a.member", "get", "/staff/content-reviews", 403),
    Case("anonymous", "post", "/staff/content-reviews/{review}/clear", 401),
    Case("anonymous", "get", "/staff/content-reviews", 401),
]


@matrix(CASES)
def test_who_may_decide(client, world, review_a, case):
    check(client, world, case, review=review_a.id)

    [review] = reviews()
    assert review.status == ReviewStatus.PENDING
    assert stored_order(review.subject_id).description == review.text
