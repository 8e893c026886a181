"""内容审核 in the console: the list (pending first, by status, own community only), 通过 and
隐藏 posted as forms, a second decision refused, another community's review out of reach."""

from __future__ import annotations

import re

import pytest

from app.moderation.models import ReviewStatus
from app.moderation.subjects import HIDDEN_TEXT
from tests.helpers.console import (
    assert_page_error,
    flashes,
    page_html,
    page_text,
    post_form,
    sign_in,
)
from tests.helpers.moderation import reviews, seeded_review
from tests.helpers.orders import seeded_order, stored_order

PATH = "/console/content-reviews"


def listed(page: str) -> list[int]:
    return [int(v) for v in re.findall(r'data-review-id="(\d+)"', page)]


def tabs(page: str) -> dict[str, int]:
    found = re.findall(r'>(\S+)\s*<span class="badge[^"]*">(\d+)</span></a>', page)
    return {label: int(count) for label, count in found if label != "内容审核"}


def decide(client, review_id: int, decision: str):
    return post_form(client, f"{PATH}/{review_id}/{decision}", token_from=PATH)


@pytest.fixture
def review_a(world):
    return seeded_review(seeded_order(world.a, world.item))


@pytest.fixture
def staff_a(client, world):
    return sign_in(client, world.a.staff)


def test_the_list_shows_own_pending_reviews_with_their_text(staff_a, world, review_a):
    other = seeded_review(seeded_order(world.b, world.item))

    page = staff_a.get(PATH)

    assert page.status_code == 200
    assert listed(page_html(page)) == [review_a.id]
    assert review_a.text in page_text(page)
    assert other.id not in listed(page_html(page))
    assert tabs(page_html(page)) == {"待审核": 1, "已通过": 0, "已隐藏": 0}
    assert re.search(r'内容审核 <span class="badge hot"[^>]*>1</span>', page_html(page))


def test_clear_moves_the_review_to_the_cleared_tab(staff_a, review_a):
    response = decide(staff_a, review_a.id, "clear")

    assert response.status_code == 302
    assert listed(page_html(staff_a.get(PATH))) == []
    cleared = staff_a.get(f"{PATH}?status=cleared")
    assert listed(page_html(cleared)) == [review_a.id]
    assert stored_order(review_a.subject_id).description == review_a.text


def test_hide_replaces_the_text_and_the_list_keeps_the_original(staff_a, review_a):
    original = review_a.text

    response = decide(staff_a, review_a.id, "hide")

    assert response.status_code == 302
    assert "已隐藏该内容" in flashes(staff_a.get(response.headers["Location"]))
    assert stored_order(review_a.subject_id).description == HIDDEN_TEXT
    hidden = page_text(staff_a.get(f"{PATH}?status=hidden"))
    assert original in hidden
    [review] = reviews()
    assert (review.status, review.text) == (ReviewStatus.HIDDEN, original)


def test_a_second_decision_is_refused_and_changes_nothing(staff_a, review_a):
    decide(staff_a, review_a.id, "clear")

    response = decide(staff_a, review_a.id, "hide")

    assert response.status_code == 409
    assert "该内容已审核过，不能重复操作" in flashes(response)
    assert stored_order(review_a.subject_id).description == review_a.text
    assert reviews()[0].status == ReviewStatus.CLEARED


@pytest.mark.parametrize("decision", ["clear", "hide"])
def test_another_communitys_review_is_404(client, world, review_a, decision):
    sign_in(client, world.b.staff)

    response = decide(client, review_a.id, decision)

    assert_page_error(response, 404, "找不到")
    assert reviews()[0].status == ReviewStatus.PENDING
    assert stored_order(review_a.subject_id).description == review_a.text


def test_a_street_admin_sees_and_filters_every_community(client, world, review_a):
    other = seeded_review(seeded_order(world.b, world.item))
    sign_in(client, world.street_admin)

    assert listed(page_html(client.get(PATH))) == [review_a.id, other.id]
    only_b = client.get(f"{PATH}?community_id={world.b.community.id}")
    assert listed(page_html(only_b)) == [other.id]


def test_a_bad_status_is_refused(staff_a):
    assert staff_a.get(f"{PATH}?status=gone").status_code == 422
