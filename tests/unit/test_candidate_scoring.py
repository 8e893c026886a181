"""The dispatch ranking's rules, one at a time, without a database: skill, place, workload,
ratings, and how they add up."""

from types import SimpleNamespace

import pytest

from app.orders.candidates import (
    IDLE_POINTS,
    POINTS_PER_OPEN_ORDER,
    POINTS_PER_STAR_ABOVE_3,
    SAME_BUILDING_POINTS,
    SAME_GRID_POINTS,
    SKILL_POINTS,
    ranking,
    score_candidate,
)


def order(skill="水电维修", grid_id=1, building_id=10):
    return SimpleNamespace(
        item=SimpleNamespace(skill=skill), grid_id=grid_id, building_id=building_id
    )


def profile(skills=("水电维修",), grid_id=1, building_id=10):
    return SimpleNamespace(
        user_id=7,
        name="李建国",
        phone="13900000000",
        unit_name="区住建局",
        skills=list(skills),
        grid_id=grid_id,
        building_id=building_id,
    )


def reasons(candidate) -> dict[str, int]:
    return {reason.text: reason.points for reason in candidate.reasons}


def test_a_matching_skill_in_the_same_building_idle_and_unrated():
    candidate = score_candidate(order(), profile(), None, None, None)
    assert candidate.score == SKILL_POINTS + SAME_BUILDING_POINTS + IDLE_POINTS
    assert reasons(candidate) == {
        "特长对口：水电维修": SKILL_POINTS,
        "住在同一楼栋，距离最近（按楼栋估算，无实时位置）": SAME_BUILDING_POINTS,
        "手头没有进行中的工单": IDLE_POINTS,
        "近 90 天暂无评价": 0,
    }
    assert (candidate.open_orders, candidate.ratings, candidate.avg_stars) == (0, 0, None)


@pytest.mark.parametrize(
    ("item_skill", "skills", "points", "text"),
    [
        ("水电维修", ["水电维修", "助老助残"], SKILL_POINTS, "特长对口：水电维修"),
        ("水电维修", ["助老助残"], 0, "特长不含“水电维修”"),
        (None, ["助老助残"], 0, "该服务项目不限特长"),
    ],
)
def test_skill(item_skill, skills, points, text):
    candidate = score_candidate(order(skill=item_skill), profile(skills=skills), 0, None, 0)
    assert reasons(candidate)[text] == points


@pytest.mark.parametrize(
    ("grid_id", "building_id", "points"),
    [
        (1, 10, SAME_BUILDING_POINTS),  # same building wins over same grid
        (1, 11, SAME_GRID_POINTS),
        (2, 20, 0),
    ],
)
def test_place_is_estimated_from_building_then_grid(grid_id, building_id, points):
    candidate = score_candidate(
        order(), profile(grid_id=grid_id, building_id=building_id), 0, None, 0
    )
    assert candidate.reasons[1].points == points


def test_an_order_without_a_building_or_grid_counts_nobody_as_near():
    candidate = score_candidate(
        order(grid_id=None, building_id=None), profile(grid_id=None, building_id=None), 0, None, 0
    )
    assert candidate.reasons[1].points == 0


@pytest.mark.parametrize(
    ("open_orders", "points"),
    [
        (0, IDLE_POINTS),
        (1, POINTS_PER_OPEN_ORDER),
        (4, 4 * POINTS_PER_OPEN_ORDER),
    ],
)
def test_each_open_order_costs_points(open_orders, points):
    candidate = score_candidate(order(), profile(), open_orders, None, 0)
    assert candidate.reasons[2].points == points
    assert candidate.open_orders == open_orders


@pytest.mark.parametrize(
    ("avg_stars", "points", "shown"),
    [
        (5.0, 2 * POINTS_PER_STAR_ABOVE_3, 5.0),
        (3.0, 0, 3.0),
        (1.0, -2 * POINTS_PER_STAR_ABOVE_3, 1.0),
        (4.26, round(1.3 * POINTS_PER_STAR_ABOVE_3), 4.3),  # shown and scored to one decimal
    ],
)
def test_ratings_above_three_stars_add_points_below_take_them(avg_stars, points, shown):
    candidate = score_candidate(order(), profile(), 0, avg_stars, 6)
    assert candidate.avg_stars == shown
    assert candidate.reasons[3].points == points
    assert candidate.reasons[3].text == f"近 90 天平均 {shown:g} 星（6 次评价）"


def test_the_score_is_the_sum_of_the_reasons():
    candidate = score_candidate(
        order(skill="法律援助"), profile(grid_id=1, building_id=99), 2, 2.0, 3
    )
    assert candidate.score == sum(reason.points for reason in candidate.reasons)
    assert candidate.score == SAME_GRID_POINTS + 2 * POINTS_PER_OPEN_ORDER - POINTS_PER_STAR_ABOVE_3


def test_the_lead_of_the_orders_building_comes_first_whatever_the_score():
    busy_lead = score_candidate(order(), profile(skills=()), 4, 2.0, 3, building_lead=True)
    best = score_candidate(order(), profile(), None, 5.0, 10)
    best.user_id = 8
    assert busy_lead.score < best.score
    assert sorted([best, busy_lead], key=ranking) == [busy_lead, best]
    assert reasons(busy_lead)["本楼栋的党员楼栋长，优先派单"] == 0
    assert "本楼栋的党员楼栋长，优先派单" not in reasons(best)
    assert (busy_lead.building_lead, best.building_lead) == (True, False)
