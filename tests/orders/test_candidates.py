"""GET /staff/orders/{id}/candidates: the community's members ranked for dispatch, with
reasons; and a dispatch to anyone else is refused."""

from app.extensions import db
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.api import API, assert_error, auth, get_json, post
from tests.helpers.candidates import candidate_field, placed_member
from tests.helpers.orders import seeded_order, stored_order
from tests.helpers.queries import queries_of_request


def candidates(client, user, order_id):
    return get_json(client, user, f"/staff/orders/{order_id}/candidates")["items"]


def test_ranked_by_skill_place_workload_and_ratings(client, world):
    field = candidate_field(world)
    items = candidates(client, world.a.staff, field.order.id)
    assert [c["member_id"] for c in items] == field.expected
    by_id = {c["member_id"]: c for c in items}
    assert by_id[field.skilled.id]["reasons"][0] == "特长对口：水电维修"
    assert "手头有 4 张工单在办" in by_id[field.busy.id]["reasons"]
    assert by_id[field.busy.id]["open_orders"] == 4
    assert (
        "住在同一楼栋，距离最近（按楼栋估算，无实时位置）" in by_id[field.neighbour.id]["reasons"]
    )
    assert (
        "住在同一网格，距离较近（按网格估算，无实时位置）" in by_id[field.grid_mate.id]["reasons"]
    )
    rated = by_id[field.rated.id]
    assert (rated["avg_stars"], rated["ratings"]) == (5.0, 2)
    assert "近 90 天平均 5 星（2 次评价）" in rated["reasons"]
    assert "近 90 天暂无评价" in by_id[field.plain.id]["reasons"]
    assert by_id[field.skilled.id]["name"] == "技能党员"
    assert by_id[field.skilled.id]["phone"].startswith("139")


def test_only_approved_active_members_of_the_community(client, world):
    field = candidate_field(world)
    ids = {c["member_id"] for c in candidates(client, world.street_admin, field.order.id)}
    assert field.pending.id not in ids and field.inactive.id not in ids
    assert world.b.member.id not in ids


def test_dispatch_to_someone_who_is_not_a_candidate_is_422(client, world):
    field = candidate_field(world)
    for user in (field.pending, field.inactive, world.b.member, world.a.resident):
        response = post(
            client,
            world.a.staff,
            f"/staff/orders/{field.order.id}/dispatch",
            {"member_id": user.id},
        )
        assert "member_id" in assert_error(response, 422, "VALIDATION_ERROR")["details"]
    assert stored_order(field.order.id).status == S.APPROVED
    top = candidates(client, world.a.staff, field.order.id)[0]["member_id"]
    done = post(
        client, world.a.staff, f"/staff/orders/{field.order.id}/dispatch", {"member_id": top}
    )
    assert done.get_json()["timeline"][-1]["note"] == "派给党员 技能党员"


def test_other_community_and_wrong_roles(client, world):
    order = seeded_order(world.a, world.item, S.APPROVED)
    path = f"{API}/staff/orders/{order.id}/candidates"
    assert_error(client.get(path, headers=auth(world.b.staff)), 404, "NOT_FOUND")
    assert_error(client.get(path, headers=auth(world.a.member)), 403, "FORBIDDEN")
    assert_error(
        client.get(f"{API}/staff/orders/999999/candidates", headers=auth(world.a.staff)),
        404,
        "NOT_FOUND",
    )


def _queries_for(client, staff, order_id) -> int:
    return queries_of_request(client, f"{API}/staff/orders/{order_id}/candidates", auth(staff))


def test_fixed_number_of_queries_for_3_or_30_members(client, world):
    a = world.a
    order = seeded_order(a, world.item, S.APPROVED)
    for _n in range(2):
        placed_member(a.community, ["水电维修"], a.grid, a.building)
    db.session.commit()
    few = _queries_for(client, a.staff, order.id)
    assert len(candidates(client, a.staff, order.id)) == 3
    for _n in range(27):
        member = placed_member(a.community, ["水电维修"], a.grid, a.building)
        factories.order(a.community, a.resident, world.item, S.ACCEPTED, member_obj=member)
    db.session.commit()
    many = _queries_for(client, a.staff, order.id)
    assert len(candidates(client, a.staff, order.id)) == 30
    assert few == many <= 5, (few, many)
