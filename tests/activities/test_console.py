"""The console's activity pages over HTTP: the list by tab, publishing with the form, an
activity's page with its numbers and QR code, and the xlsx of sign-ups opened with openpyxl;
staff see only their community's."""

from __future__ import annotations

import io
from datetime import timedelta

from openpyxl import load_workbook

from app.activities.models import Activity
from app.extensions import db
from tests.helpers.activities import check_in, signed_up
from tests.helpers.console import post_form, sign_in


def test_the_list_and_an_activitys_page_show_the_attendance(client, world, activity, frozen_clock):
    signed_up(client, world.a.member, activity["id"])
    signed_up(client, world.a.resident, activity["id"])
    frozen_clock.shift(timedelta(days=1, hours=4))
    check_in(client, world.a.member, activity["id"], {"code": activity["checkin_code"]})
    sign_in(client, world.a.staff)
    listed = client.get("/console/activities?tab=ongoing").get_data(as_text=True)
    assert "邻里节·百家宴" in listed and "2 / 5" in listed
    page = client.get(f"/console/activities/{activity['id']}").get_data(as_text=True)
    assert 'data-field="checked_in">1<' in page and 'data-field="rate">50%<' in page
    assert activity["checkin_code"] in page
    qr = client.get(f"/console/activities/{activity['id']}/checkin-qr.png")
    assert qr.status_code == 200 and qr.data.startswith(b"\x89PNG")

    export = client.get(f"/console/activities/{activity['id']}/signups.xlsx")
    assert export.status_code == 200 and export.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(export.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("序号", "姓名", "手机号", "状态", "报名时间", "签到时间")
    assert [r[3] for r in rows[1:]] == ["已签到", "已报名"]
    assert rows[1][5] == "2026-11-27 14:00"


def test_staff_publish_with_the_form(client, world, frozen_clock):
    sign_in(client, world.a.staff)
    form = {
        "title": "四点半课堂",
        "description": "放学后作业辅导",
        "start": "2026-11-30T16:30",
        "end": "2026-11-30T18:00",
        "capacity": "20",
        "points": "5",
        "address": "社区活动室",
        "tags": "四点半课堂",
        "audience": "residents",
        "repeat_weeks": "3",
    }
    response = post_form(client, "/console/activities/new", form)
    assert response.status_code == 302
    made = db.session.query(Activity).order_by(Activity.start_at).all()
    assert len(made) == 3 and made[0].tags == ["四点半课堂"]
    assert made[0].start_at.isoformat() == "2026-11-30T08:30:00+00:00"
    refused = post_form(client, "/console/activities/new", form | {"end": "2026-11-30T16:00"})
    assert refused.status_code == 422 and "结束时间应晚于开始时间" in refused.get_data(as_text=True)
    edit = post_form(client, f"/console/activities/{made[0].id}/edit", form | {"capacity": "30"})
    assert edit.status_code == 302
    db.session.expire_all()
    assert db.session.get(Activity, made[0].id).capacity == 30


def test_another_communitys_activity_is_not_found(client, world, activity):
    sign_in(client, world.b.staff)
    for path in ("", "/edit", "/checkin-qr.png", "/signups.xlsx"):
        assert client.get(f"/console/activities/{activity['id']}{path}").status_code == 404
    assert "百家宴" not in client.get("/console/activities").get_data(as_text=True)
