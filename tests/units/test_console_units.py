"""共建单位 in the console: staff keep their communities' units, open accounts and bind
members; a unit's account signs in to 本单位党员 and sees its own members only."""

from sqlalchemy import select

from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.units.models import CoBuildingUnit
from tests.helpers.commitments import complete_order
from tests.helpers.console import (
    console_login,
    field_errors,
    flashes,
    page_text,
    post_form,
    sign_in,
)
from tests.helpers.db import count_rows, fresh
from tests.helpers.factories import member
from tests.helpers.members import registration
from tests.helpers.units import bind


def _unit_form(world, **overrides) -> dict:
    form = {
        "name": "南昌市东湖区司法局",
        "kind": "organ",
        "contact_name": "周科长",
        "contact_phone": "13700001234",
        "community_ids": [str(world.a.community.id)],
    }
    form.update(overrides)
    return form


def test_staff_see_their_units_and_add_one(client, world):
    sign_in(client, world.a.staff)
    listed = page_text(client.get("/console/units"))
    assert world.a.unit_obj.name in listed and world.b.unit_obj.name not in listed
    response = post_form(client, "/console/units/new", _unit_form(world), follow=True)
    assert "已添加共建单位“南昌市东湖区司法局”" in flashes(response)
    assert "南昌市东湖区司法局" in page_text(client.get("/console/units"))


def test_a_bad_unit_form_shows_its_messages_and_writes_nothing(client, world):
    sign_in(client, world.a.staff)
    before = count_rows(CoBuildingUnit)
    form = _unit_form(world, contact_phone="123", community_ids=[])
    response = post_form(client, "/console/units/new", form)
    assert response.status_code == 422
    assert "请至少选择一个结对社区" in field_errors(response)
    assert count_rows(CoBuildingUnit) == before


def test_another_communitys_unit_is_a_404_page(client, world):
    sign_in(client, world.a.staff)
    assert client.get(f"/console/units/{world.b.unit_obj.id}/edit").status_code == 404


def test_staff_open_an_account_and_bind_a_member(client, world):
    sign_in(client, world.a.staff)
    unit = world.a.unit_obj
    account = {"username": "sifa-unit", "password": "unit-pass-123"}
    response = post_form(client, f"/console/units/{unit.id}/accounts", account, follow=True)
    assert f"已为“{unit.name}”开设账号 sifa-unit" in flashes(response)
    profile = registration(world.a.community, status=RegistrationStatus.APPROVED)
    response = post_form(
        client, f"/console/units/{unit.id}/members", {"registration_id": profile.id}, follow=True
    )
    assert any("绑定到" in message for message in flashes(response))
    assert fresh(profile).unit_id == unit.id


def test_a_unit_account_sees_only_its_own_members_and_their_service(client, world):
    a = world.a
    complete_order(client, a, world.item, a.member)
    stranger = member(a.community)  # same community, no unit
    db.session.commit()
    console_login(client, a.unit)
    page = client.get("/console/unit/members")
    assert page.status_code == 200
    text = page_text(page)
    assert _name(a.member) in text and _name(world.b.member) not in text
    assert _name(stranger) not in text
    assert "反馈卡" in text


def _name(user) -> str:
    return db.session.scalar(select(MemberProfile.name).where(MemberProfile.user_id == user.id))


def test_a_unit_account_signs_in_to_its_page_and_reaches_no_staff_page(client, world):
    response = console_login(client, world.a.unit)
    assert response.status_code == 302 and response.headers["Location"].endswith(
        "/console/unit/members"
    )
    for path in (
        "/console/",
        "/console/orders",
        "/console/members",
        "/console/units",
        "/console/commitments",
    ):
        answer = client.get(path)
        assert answer.status_code == 302, path
        assert answer.headers["Location"].endswith("/console/unit/members"), path
    refused = post_form(
        client, "/console/units/new", _unit_form(world), token_from="/console/unit/members"
    )
    assert refused.status_code == 302
    assert count_rows(CoBuildingUnit) == 2
    text = page_text(client.get("/console/unit/members"))
    assert "工单" not in text.split("本单位党员")[0]  # the navigation holds the unit's page only


def test_staff_do_not_see_the_unit_page(client, world):
    sign_in(client, world.a.staff)
    answer = client.get("/console/unit/members")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/console/")


def test_a_member_bound_to_another_unit_is_not_shown(client, world):
    profile = registration(world.a.community, "别的单位的人", RegistrationStatus.APPROVED)
    bind(profile.user, world.b.unit_obj)
    db.session.commit()
    console_login(client, world.a.unit)
    assert "别的单位的人" not in page_text(client.get("/console/unit/members"))
