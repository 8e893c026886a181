"""An order dispatched to a service team, over HTTP: the team's members see it, exactly one
takes it, and the taker goes on as for any accepted order, to the points."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.api import assert_error, get, get_json, item_ids, post
from tests.helpers.ledger import entries_sum
from tests.helpers.orders import event_count, seeded_order, stored_order
from tests.helpers.teams import dispatch_team, take, team


@pytest.fixture
def crew(world):
    """A team of demo-a: a.member leads, two more members in it."""
    others = [factories.member(world.a.community) for _ in range(2)]
    db.session.commit()
    return team(world.a.community, [world.a.member, *others]), [world.a.member, *others]


def test_the_whole_loop_to_completion_with_points_once(client, world, crew):
    squad, members = crew
    order = seeded_order(world.a, world.item, S.APPROVED)

    dispatched = dispatch_team(client, world.a.staff, order.id, squad.id)
    assert dispatched.status_code == 200, dispatched.get_json()
    body = dispatched.get_json()
    assert body["status"] == "dispatched" and body["team_id"] == squad.id
    assert body["member_id"] is None
    assert body["timeline"][-1]["action"] == "dispatch_team"
    assert body["timeline"][-1]["note"] == "派给团队 水电维修队"

    for member in members:
        seen = get_json(client, member, "/member/team-orders")
        assert item_ids(seen) == [order.id]
        assert seen["items"][0]["contact_phone"] == "138****1234"
        assert get(client, member, f"/orders/{order.id}").status_code == 200
        titles = [m["title"] for m in get_json(client, member, "/my/messages")["items"]]
        assert titles == ["您的团队有新的派单"]

    taker, loser = members[1], members[2]
    taken = take(client, taker, order.id)
    assert taken.status_code == 200, taken.get_json()
    assert taken.get_json()["status"] == "accepted"
    assert taken.get_json()["member_id"] == taker.id
    assert taken.get_json()["contact_phone"] == "13812341234"
    assert_error(take(client, loser, order.id), 409, "ORDER_ALREADY_TAKEN")
    assert get_json(client, loser, "/member/team-orders")["items"] == []
    assert get_json(client, loser, f"/orders/{order.id}")["contact_phone"] == "138****1234"

    assert post(client, taker, f"/member/orders/{order.id}/start").status_code == 200
    done = post(client, taker, f"/member/orders/{order.id}/complete", {"note": "修好了"})
    assert done.status_code == 200 and done.get_json()["status"] == "completed"
    assert entries_sum(taker.id) == world.item.points
    assert entries_sum(loser.id) == 0
    assert done.get_json()["team_id"] == squad.id
    assert [e["action"] for e in done.get_json()["timeline"]][-4:] == [
        "dispatch_team",
        "take",
        "start",
        "complete",
    ]
    resident_titles = [
        m["title"] for m in get_json(client, world.a.resident, "/my/messages")["items"]
    ]
    assert "已有党员接单" in resident_titles


def test_a_member_outside_the_team_cannot_see_or_take_it(client, world, crew):
    squad, _ = crew
    outsider = factories.member(world.a.community)
    db.session.commit()
    order = seeded_order(world.a, world.item, S.APPROVED)
    assert dispatch_team(client, world.a.staff, order.id, squad.id).status_code == 200

    assert_error(take(client, outsider, order.id), 404, "NOT_FOUND")
    assert_error(get(client, outsider, f"/orders/{order.id}"), 404, "NOT_FOUND")
    assert get_json(client, outsider, "/member/team-orders")["items"] == []
    assert_error(take(client, world.b.member, order.id), 404, "NOT_FOUND")
    # Nor may a team member accept it as if it were dispatched to them alone.
    assert_error(
        post(client, world.a.member, f"/member/orders/{order.id}/accept"),
        409,
        "ORDER_STATE_CONFLICT",
    )
    assert stored_order(order.id).member_id is None
    assert stored_order(order.id).status == S.DISPATCHED


def test_a_published_order_can_go_to_a_team_and_a_team_order_to_another_team(client, world, crew):
    squad, members = crew
    second = team(world.a.community, [members[2]], name="热心帮", kind="helping_hand")
    order = seeded_order(world.a, world.item, S.PUBLISHED)
    assert dispatch_team(client, world.a.staff, order.id, squad.id).status_code == 200
    again = dispatch_team(client, world.a.staff, order.id, second.id)
    assert again.status_code == 200 and again.get_json()["team_id"] == second.id
    assert_error(take(client, members[0], order.id), 404, "NOT_FOUND")
    assert take(client, members[2], order.id).status_code == 200


def test_reassigning_a_team_order_to_one_member_leaves_the_team_out(client, world, crew):
    squad, members = crew
    order = seeded_order(world.a, world.item, S.APPROVED)
    dispatch_team(client, world.a.staff, order.id, squad.id)
    moved = post(
        client, world.a.staff, f"/staff/orders/{order.id}/reassign", {"member_id": members[1].id}
    )
    assert moved.status_code == 200
    assert moved.get_json()["team_id"] is None and moved.get_json()["member_id"] == members[1].id
    assert_error(take(client, members[2], order.id), 404, "NOT_FOUND")
    assert post(client, members[1], f"/member/orders/{order.id}/accept").status_code == 200


@pytest.mark.parametrize(
    "body, field",
    [({}, "team_id"), ({"team_id": "x"}, "team_id"), ({"team_id": 0}, "team_id")],
)
def test_a_bad_body_is_422_and_moves_nothing(client, world, crew, body, field):
    order = seeded_order(world.a, world.item, S.APPROVED)
    events = event_count(order.id)
    response = post(client, world.a.staff, f"/staff/orders/{order.id}/dispatch-team", body)
    assert field in assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert stored_order(order.id).status == S.APPROVED and event_count(order.id) == events


def test_a_team_of_another_community_an_empty_or_a_disbanded_team_is_422(client, world):
    foreign = team(world.b.community, [world.b.member])
    empty = team(world.a.community, [], name="空队")
    gone = team(world.a.community, [world.a.member], name="已解散")
    gone.is_active = False
    db.session.commit()
    order = seeded_order(world.a, world.item, S.APPROVED)
    for team_id in (foreign.id, empty.id, gone.id, 999999):
        refused = dispatch_team(client, world.a.staff, order.id, team_id)
        assert "team_id" in assert_error(refused, 422, "VALIDATION_ERROR")["details"]
    assert stored_order(order.id).status == S.APPROVED


def test_a_move_the_status_forbids_is_409_and_404_wins(client, world, crew):
    squad, _ = crew
    submitted = seeded_order(world.a, world.item, S.SUBMITTED)
    assert_error(
        dispatch_team(client, world.a.staff, submitted.id, squad.id), 409, "ORDER_STATE_CONFLICT"
    )
    other = seeded_order(world.b, world.item, S.APPROVED)
    assert_error(dispatch_team(client, world.a.staff, other.id, squad.id), 404, "NOT_FOUND")
    assert_error(
        post(client, world.a.staff, f"/staff/orders/{other.id}/dispatch-team", {}), 404, "NOT_FOUND"
    )
    # A member dispatch (CONTRACT §4) is unchanged beside it.
    approved = seeded_order(world.a, world.item, S.APPROVED)
    plain = post(
        client,
        world.a.staff,
        f"/staff/orders/{approved.id}/dispatch",
        {"member_id": world.a.member.id},
    )
    assert plain.status_code == 200 and plain.get_json()["team_id"] is None
    assert_error(take(client, world.a.member, approved.id), 404, "NOT_FOUND")


def test_a_disbanded_teams_members_cannot_take_its_order(client, world, crew):
    squad, members = crew
    order = seeded_order(world.a, world.item, S.APPROVED)
    assert dispatch_team(client, world.a.staff, order.id, squad.id).status_code == 200
    squad.is_active = False
    db.session.commit()
    refused = take(client, members[1], order.id)
    assert refused.status_code in (404, 409), refused.get_json()
    db.session.expire_all()
    taken = stored_order(order.id)
    assert (taken.status, taken.member_id) == (S.DISPATCHED, None)
