"""The demo's activities: after `seed demo` demo-a and demo-b each have a month of them; the
walkthrough's resident signs up in the mini-program API, checks in with the code and, being
a member, gets the points; staff see the attendance. Seeding again adds none."""

from datetime import timedelta

from sqlalchemy import func, select

from app.activities.models import Activity
from app.extensions import db
from app.org.models import Community
from tests.bookings.test_demo import seed
from tests.helpers.api import API, bearer, staff_login, wechat_login


def test_a_member_of_the_demo_signs_up_checks_in_and_earns(app, client, frozen_clock):
    output = seed(app)
    assert "] 一个月的社区活动" in output
    community = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    member = bearer(wechat_login(client, "member-a1").get_json()["token"])
    listed = client.get(f"{API}/activities?community_id={community.id}&limit=100", headers=member)
    titles = [a["title"] for a in listed.get_json()["items"]]
    assert len(titles) == 9 and "四点半课堂（第 1 期）" in titles and "邻里节·百家宴" in titles
    lesson = listed.get_json()["items"][0]
    signup = client.post(f"{API}/activities/{lesson['id']}/signup", headers=member)
    assert signup.status_code == 201
    staff = bearer(staff_login(client, "demo-a-staff", "demo-pass-123").get_json()["token"])
    code = next(
        a["checkin_code"]
        for a in client.get(f"{API}/staff/activities?tab=upcoming", headers=staff).get_json()[
            "items"
        ]
        if a["id"] == lesson["id"]
    )
    before = client.get(f"{API}/member/points", headers=member).get_json()["balance"]
    frozen_clock.move_to(db.session.get(Activity, lesson["id"]).start_at - timedelta(minutes=5))
    checked = client.post(
        f"{API}/activities/{lesson['id']}/checkin", json={"code": code}, headers=member
    )
    assert checked.get_json()["status"] == "checked_in"
    after = client.get(f"{API}/member/points", headers=member).get_json()["balance"]
    assert after == before + lesson["points"]

    count = db.session.scalar(select(func.count()).select_from(Activity))
    seed(app)
    assert db.session.scalar(select(func.count()).select_from(Activity)) == count == 18
