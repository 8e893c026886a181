"""Issue 13's whole story over HTTP: a resident registers as a member with a co-building unit,
staff approve; the member commits to 1+X, serves (an order, a wish lit and fulfilled, a
suggestion, a visit, an activity) and reports on a Saturday; staff issue a 反馈卡 that the
unit's account downloads, every deed on it."""

from __future__ import annotations

import pytest

from tests.helpers import factories
from tests.helpers.api import get, get_json, post
from tests.helpers.members import REGISTRATION, STAFF_MEMBERS, registration_body
from tests.helpers.records import issue, pdf_text, serve_everything

pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_a_member_of_a_unit_serves_and_the_unit_downloads_the_card(
    client, world, wish_item, frozen_clock
):
    newcomer = factories.resident()
    body = registration_body(world.a.community, unit_id=world.a.unit_obj.id, name="陈新党")
    registered = post(client, newcomer, REGISTRATION, body)
    assert registered.status_code == 201, registered.get_json()
    approved = post(client, world.a.staff, f"{STAFF_MEMBERS}/{registered.get_json()['id']}/approve")
    assert approved.status_code == 200, approved.get_json()

    serve_everything(client, world, frozen_clock, member=newcomer)
    made = issue(client, world.a.staff, newcomer)
    assert made.status_code == 201, made.get_json()
    card = made.get_json()
    assert card["unit_id"] == world.a.unit_obj.id and card["facts"]["commitments_kept"] == 5

    listed = get_json(client, world.a.unit, "/unit/feedback-cards")["items"]
    assert [c["id"] for c in listed] == [card["id"]]
    pdf = get(client, world.a.unit, f"/unit/feedback-cards/{card['id']}.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    text = pdf_text(pdf.data)
    for deed in (
        "陈新党",
        world.a.unit_obj.name,
        "完成服务工单1单",
        "参加组织活动1次",
        "周六报到1次",
    ):
        assert deed in text, deed
