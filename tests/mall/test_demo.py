"""The demo's mall: after `seed demo`, the walkthrough's member (`member-a1`) lists demo-a's
rewards, redeems the cheapest, and demo-a's staff verify its code (README walkthrough)."""

from sqlalchemy import select

from app.extensions import db
from app.org.models import Community
from tests.helpers.api import API, bearer, staff_login, wechat_login


def test_the_walkthrough_member_redeems_a_demo_reward(app, client):
    result = app.test_cli_runner().invoke(args=["seed", "demo"])
    assert result.exit_code == 0, result.output
    community = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    member = bearer(wechat_login(client, "member-a1").get_json()["token"])
    staff = bearer(staff_login(client, "demo-a-staff", "demo-pass-123").get_json()["token"])

    rewards = client.get(f"{API}/mall/rewards?community_id={community.id}", headers=member)
    items = rewards.get_json()["items"]
    assert len(items) >= 3
    cheapest = min(items, key=lambda item: item["points"])
    balance = client.get(f"{API}/member/points", headers=member).get_json()["balance"]
    assert balance >= cheapest["points"]

    redeemed = client.post(f"{API}/mall/rewards/{cheapest['id']}/redeem", headers=member)
    assert redeemed.status_code == 201, redeemed.get_json()
    code = redeemed.get_json()["code"]
    verified = client.post(f"{API}/staff/redemptions/verify", json={"code": code}, headers=staff)
    assert verified.status_code == 200 and verified.get_json()["status"] == "fulfilled"
    after = client.get(f"{API}/member/points", headers=member).get_json()["balance"]
    assert after == balance - cheapest["points"]
