"""党员楼栋长 over HTTP: staff appoint one approved member per building with the 三亮, residents
see the lead (phone masked), and the lead comes first among an order's candidates."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from app.extensions import db
from app.members.models import MemberProfile
from app.orders.models import OrderStatus
from app.org.leads import BuildingLead
from tests.helpers import factories
from tests.helpers.api import API, assert_error, auth, call, get, get_json
from tests.helpers.candidates import SKILL, placed_member
from tests.helpers.concurrency import all_at_once, racing_app

DUTIES, COMMITMENT = "收集居民诉求、代办服务、调处矛盾", "有求必应，一周内回复每位居民"


def lead_body(user, **changes) -> dict:
    return {"user_id": user.id, "duties": DUTIES, "commitment": COMMITMENT} | changes


def appoint(client, staff, building, body):
    return call(client, staff, "put", f"/staff/buildings/{building.id}/lead", body)


def leads() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(BuildingLead))


def test_one_lead_per_building_shown_with_the_three_lights(client, world):
    side = world.a
    created = appoint(client, side.staff, side.building, lead_body(side.member))
    assert created.status_code == 201, created.get_json()
    card = created.get_json()
    assert (
        card["name"] == side.member.display_name and card["unit_name"] == "南昌市东湖区机关事务局"
    )
    assert (card["duties"], card["commitment"]) == (DUTIES, COMMITMENT)

    second = factories.member(side.community)
    db.session.commit()
    assert_error(
        appoint(client, side.staff, side.building, lead_body(second)), 409, "BUILDING_LEAD_EXISTS"
    )
    assert leads() == 1
    other = factories.building(side.grid)
    db.session.commit()
    assert appoint(client, side.staff, other, lead_body(second)).status_code == 201

    removed = call(client, side.staff, "delete", f"/staff/buildings/{side.building.id}/lead")
    assert removed.status_code == 204
    assert_error(
        get(client, side.resident, f"/buildings/{side.building.id}/lead"), 404, "NOT_FOUND"
    )
    assert appoint(client, side.staff, side.building, lead_body(second)).status_code == 201


def test_residents_see_the_phone_masked_and_staff_in_full(client, world):
    profile = world.a.member
    appoint(client, world.a.staff, world.a.building, lead_body(profile))
    db.session.execute(
        update(MemberProfile).where(MemberProfile.user_id == profile.id).values(phone="13912345678")
    )
    db.session.commit()
    path = f"/buildings/{world.a.building.id}/lead"
    assert get_json(client, world.a.resident, path)["phone"] == "139****5678"
    assert get_json(client, world.b.member, path)["phone"] == "139****5678"
    assert get_json(client, world.a.staff, path)["phone"] == "13912345678"
    assert get(client, None, path).status_code == 401


@pytest.mark.parametrize("case", ["other community", "resident", "no duties", "too long"])
def test_bad_appointments_write_nothing(client, world, case):
    body = {
        "other community": lead_body(world.b.member),
        "resident": lead_body(world.a.resident),
        "no duties": lead_body(world.a.member, duties=""),
        "too long": lead_body(world.a.member, commitment="诺" * 501),
    }[case]
    error = assert_error(
        appoint(client, world.a.staff, world.a.building, body), 422, "VALIDATION_ERROR"
    )
    field = {"no duties": "duties", "too long": "commitment"}.get(case, "user_id")
    assert field in error["details"]
    assert leads() == 0


def test_the_buildings_lead_is_the_first_candidate(client, world):
    side = world.a
    skilled = placed_member(side.community, skills=[SKILL], building=side.building, name="张能手")
    lead = placed_member(side.community, name="王楼长")
    db.session.commit()
    appoint(client, side.staff, side.building, lead_body(lead))
    item = factories.catalog_item()
    item.skill = SKILL
    order = factories.order(side.community, side.resident, item, OrderStatus.APPROVED)
    order.building_id = side.building.id
    db.session.commit()

    ranked = get_json(client, side.staff, f"/staff/orders/{order.id}/candidates")["items"]
    assert [c["name"] for c in ranked[:2]] == ["王楼长", "张能手"]
    assert ranked[0]["building_lead"] is True and ranked[1]["building_lead"] is False
    assert ranked[0]["score"] < ranked[1]["score"]  # first whatever the score
    assert "本楼栋的党员楼栋长，优先派单" in ranked[0]["reasons"]

    elsewhere = factories.order(side.community, side.resident, item, OrderStatus.APPROVED)
    db.session.commit()  # no building: nobody is its lead
    ranked = get_json(client, side.staff, f"/staff/orders/{elsewhere.id}/candidates")["items"]
    assert ranked[0]["name"] == "张能手" and not any(c["building_lead"] for c in ranked)
    assert skilled.id == ranked[0]["member_id"]


@pytest.mark.postgresql
def test_two_appointments_racing_for_one_building_one_wins(app, world):
    members = [factories.member(world.a.community) for _ in range(6)]
    db.session.commit()
    path = f"{API}/staff/buildings/{world.a.building.id}/lead"
    headers = auth(world.a.staff)  # read here: the threads share no session
    bodies = [lead_body(member) for member in members]
    with racing_app(len(members)) as race:

        def sender(body):
            def send():
                with race.app_context():
                    response = race.test_client().put(path, json=body, headers=headers)
                    return response.status_code, response.get_json()

            return send

        results = all_at_once([sender(body) for body in bodies])
    assert sorted(status for status, _ in results) == [201] + [409] * 5, results
    assert leads() == 1
