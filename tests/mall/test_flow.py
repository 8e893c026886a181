"""The mall's whole flow over HTTP: staff offer a reward, a member redeems it, staff or the
merchant verify the code; cancel gives points and stock back; the ledger holds throughout."""

from app.extensions import db
from app.mall.models import Redemption, Reward
from app.points.models import PointsEntry
from tests.helpers.api import assert_error, auth, get, get_json, item_ids, post
from tests.helpers.db import count_rows
from tests.helpers.ledger import assert_ledger_holds, stored_balance
from tests.helpers.mall import (
    cancel,
    give_points,
    merchant,
    redeem,
    reward,
    reward_body,
    status_of,
    stock_of,
    verify,
)


def test_offer_redeem_verify(client, world):
    member, staff = world.a.member, world.a.staff
    give_points(member, 50)
    created = post(client, staff, "/staff/rewards", reward_body(world.a.community))
    assert created.status_code == 201, created.get_json()
    offered = created.get_json()
    assert (offered["points"], offered["stock"], offered["is_active"]) == (30, 20, True)

    listed = get_json(client, member, f"/mall/rewards?community_id={world.a.community.id}")
    assert item_ids(listed) == [offered["id"]]
    assert (
        get_json(client, member, f"/mall/rewards?community_id={world.b.community.id}")["items"]
        == []
    )

    response = redeem(client, member, offered["id"])
    assert response.status_code == 201, response.get_json()
    redemption = response.get_json()
    assert redemption["status"] == "pending" and redemption["points"] == 30
    assert redemption["reward_id"] == offered["id"]
    code = redemption["code"]
    assert len(code) == 10 and not set(code) & set("0O1I")
    assert stock_of(offered["id"]) == 19
    ledger = get_json(client, member, "/member/points")
    assert ledger["balance"] == 20
    assert (ledger["items"][0]["delta"], ledger["items"][0]["reason"]) == (-30, "redemption")

    mine = get_json(client, member, "/my/redemptions")
    assert item_ids(mine) == [redemption["id"]]
    png = get(client, member, f"/my/redemptions/{redemption['id']}/qrcode.png")
    assert png.status_code == 200 and png.mimetype == "image/png"
    assert png.data.startswith(b"\x89PNG")

    done = verify(client, staff, code.lower())
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["status"] == "fulfilled"
    assert done.get_json()["verified_by_id"] == staff.id
    assert_error(verify(client, staff, code), 409, "REDEMPTION_STATE_CONFLICT")
    assert_error(cancel(client, member, redemption["id"]), 409, "REDEMPTION_STATE_CONFLICT")
    messages = get_json(client, member, "/my/messages")["items"]
    assert [m["title"] for m in messages] == ["兑换已核销"]
    assert_ledger_holds(member.id)


def test_cancel_gives_points_and_stock_back_once(client, world):
    member = world.a.member
    give_points(member, 10)
    offered = reward(world.a.community, points=10, stock=1)
    redemption = redeem(client, member, offered.id).get_json()
    assert stock_of(offered.id) == 0 and stored_balance(member.id) == 0

    response = cancel(client, member, redemption["id"])
    assert response.status_code == 200 and response.get_json()["status"] == "cancelled"
    assert stock_of(offered.id) == 1 and stored_balance(member.id) == 10
    assert_error(cancel(client, member, redemption["id"]), 409, "REDEMPTION_STATE_CONFLICT")
    assert_error(
        verify(client, world.a.staff, redemption["code"]), 409, "REDEMPTION_STATE_CONFLICT"
    )
    reasons = [i["reason"] for i in get_json(client, member, "/member/points")["items"]]
    assert reasons == ["redemption_refund", "redemption", "adjustment"]
    assert_ledger_holds(member.id)


def test_refusals_write_nothing(client, world):
    member = world.a.member
    give_points(member, 5)
    empty = reward(world.a.community, points=1, stock=0)
    dear = reward(world.a.community, points=6, stock=3)
    off = reward(world.a.community, points=1, stock=3, is_active=False)
    before = count_rows(PointsEntry)
    assert_error(redeem(client, member, empty.id), 409, "OUT_OF_STOCK")
    assert_error(redeem(client, member, dear.id), 409, "INSUFFICIENT_POINTS")
    assert_error(redeem(client, world.a.resident, dear.id), 409, "INSUFFICIENT_POINTS")
    assert_error(redeem(client, member, off.id), 409, "REWARD_NOT_ON_OFFER")
    assert_error(redeem(client, member, 99999), 404, "NOT_FOUND")
    assert count_rows(Redemption) == 0 and count_rows(PointsEntry) == before
    assert (stock_of(dear.id), stored_balance(member.id)) == (3, 5)


def test_the_per_person_limit(client, world):
    member = world.a.member
    give_points(member, 100)
    limited = reward(world.a.community, points=10, stock=10, per_person_limit=2)
    first = redeem(client, member, limited.id).get_json()
    assert redeem(client, member, limited.id).status_code == 201
    assert_error(redeem(client, member, limited.id), 409, "REDEMPTION_LIMIT_REACHED")
    assert stored_balance(member.id) == 80 and stock_of(limited.id) == 8
    cancel(client, member, first["id"])  # a cancelled one no longer counts
    assert redeem(client, member, limited.id).status_code == 201
    assert redeem(client, world.a.resident, limited.id).status_code == 409  # no points
    assert_ledger_holds(member.id)


def test_idempotent_redemption(client, world):
    member = world.a.member
    give_points(member, 100)
    offered = reward(world.a.community, points=10, stock=10)
    other = reward(world.a.community, points=10, stock=10)
    first = redeem(client, member, offered.id, key="k-1")
    again = redeem(client, member, offered.id, key="k-1")
    assert first.status_code == again.status_code == 201
    assert first.get_json()["id"] == again.get_json()["id"]
    reused = redeem(client, member, other.id, key="k-1")
    assert_error(reused, 422, "IDEMPOTENCY_KEY_REUSED")
    assert count_rows(Redemption) == 1 and stock_of(offered.id) == 9
    assert stored_balance(member.id) == 90
    long_key = redeem(client, member, offered.id, key="x" * 256)
    assert_error(long_key, 422, "VALIDATION_ERROR")


def test_the_merchant_verifies_its_own_rewards_only(client, world):
    shop = merchant(world.a.community)
    account = db.session.get(type(world.a.staff), shop.account_id)
    member = world.a.member
    give_points(member, 100)
    own = reward(world.a.community, merchant_id=shop.id)
    community_only = reward(world.a.community)
    mine = redeem(client, member, own.id).get_json()
    theirs = redeem(client, member, community_only.id).get_json()
    assert_error(verify(client, account, theirs["code"]), 404, "NOT_FOUND")
    assert verify(client, account, mine["code"]).get_json()["status"] == "fulfilled"
    listed = get_json(client, account, "/staff/redemptions")
    assert item_ids(listed) == [mine["id"]]
    staff_list = get_json(client, world.a.staff, "/staff/redemptions?status=pending")
    assert item_ids(staff_list) == [theirs["id"]]
    assert status_of(theirs["id"]) == "pending"


def test_staff_edit_and_deactivate_a_reward(client, world):
    offered = reward(world.a.community, stock=5)
    path = f"/staff/rewards/{offered.id}"
    response = client.patch(
        f"/api/v1{path}", json={"stock": 9, "points": 12}, headers=auth(world.a.staff)
    )
    assert response.status_code == 200, response.get_json()
    assert (response.get_json()["stock"], response.get_json()["points"]) == (9, 12)
    off = client.patch(f"/api/v1{path}", json={"is_active": False}, headers=auth(world.a.staff))
    assert off.get_json()["is_active"] is False
    listed = get_json(client, world.a.member, f"/mall/rewards?community_id={world.a.community.id}")
    assert listed["items"] == []
    assert db.session.get(Reward, offered.id) is not None


def test_every_communitys_rewards_without_a_filter(client, world):
    mine = reward(world.a.community)
    theirs = reward(world.b.community)
    listed = get_json(client, world.a.resident, "/mall/rewards")
    assert item_ids(listed) == [theirs.id, mine.id]
