"""积分商城 · 兑换核销 in the console: the community's redemptions by status, and the 核销
form: a code verified once (已核销), then refused (409); an unknown code and another
community's code are 404, and a refused verification writes nothing."""

from __future__ import annotations

import re

from app.mall.models import RedemptionStatus
from tests.helpers import factories, mall
from tests.helpers.console import flashes, page_html, page_text, post_form, sign_in
from tests.helpers.queries import queries_of_request

PAGE = "/console/redemptions"
VERIFY = "/console/redemptions/verify"


def redeemed(client, community, user, **reward_fields) -> dict:
    """`user` redeems a new reward of `community` through the API; the redemption."""
    reward = mall.reward(community, **reward_fields)
    mall.give_points(user, reward.points)
    response = mall.redeem(client, user, reward.id)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def row_ids(page: str) -> list[int]:
    return [int(v) for v in re.findall(r'data-redemption-id="(\d+)"', page)]


def test_the_page_lists_only_the_communitys_redemptions_by_status(client, world):
    ours = redeemed(client, world.a.community, world.a.resident, name="洗衣液一瓶")
    done = redeemed(client, world.a.community, world.a.member, name="大米五斤")
    theirs = redeemed(client, world.b.community, world.b.resident, name="别的社区的油")
    assert mall.verify(client, world.a.staff, done["code"]).status_code == 200
    sign_in(client, world.a.staff)

    page = page_text(client.get(PAGE))
    assert sorted(row_ids(page)) == sorted([ours["id"], done["id"]])
    assert ours["code"] in page  # staff see the code
    assert theirs["code"] not in page and "别的社区的油" not in page
    pending = page_html(client.get(f"{PAGE}?status=pending"))
    assert row_ids(pending) == [ours["id"]]
    fulfilled = page_html(client.get(f"{PAGE}?status=fulfilled"))
    assert row_ids(fulfilled) == [done["id"]]
    assert world.a.staff.shown_name in page_text(client.get(f"{PAGE}?status=fulfilled"))
    assert client.get(f"{PAGE}?status=lost").status_code == 422
    assert client.get(f"{PAGE}?community_id={world.b.community.id}").status_code == 404


def test_verify_a_code_then_it_is_refused_as_already_verified(client, world):
    redemption = redeemed(client, world.a.community, world.a.resident, name="洗衣液一瓶", points=12)
    sign_in(client, world.a.staff)
    typed = redemption["code"].lower()[:5] + "-" + redemption["code"].lower()[5:]

    done = post_form(client, VERIFY, {"code": typed}, follow=True, token_from=PAGE)

    assert done.status_code == 200
    assert flashes(done) == [f"已核销：洗衣液一瓶（12 积分），兑换码 {redemption['code']}"]
    assert mall.status_of(redemption["id"]) == RedemptionStatus.FULFILLED
    again = post_form(client, VERIFY, {"code": redemption["code"]}, token_from=PAGE)
    assert again.status_code == 409
    (message,) = flashes(again)
    assert message.startswith(f"兑换码 {redemption['code']} 已核销（") and "不能核销" in message


def test_a_cancelled_code_is_409(client, world):
    redemption = redeemed(client, world.a.community, world.a.resident)
    assert mall.cancel(client, world.a.resident, redemption["id"]).status_code == 200
    sign_in(client, world.a.staff)
    refused = post_form(client, VERIFY, {"code": redemption["code"]}, token_from=PAGE)
    assert refused.status_code == 409
    (message,) = flashes(refused)
    assert message.startswith(f"兑换码 {redemption['code']} 已取消（") and "不能核销" in message
    assert mall.status_of(redemption["id"]) == RedemptionStatus.CANCELLED


def test_an_unknown_code_and_another_communitys_code_are_404(client, world):
    theirs = redeemed(client, world.b.community, world.b.resident)
    sign_in(client, world.a.staff)

    unknown = post_form(client, VERIFY, {"code": "ZZZZ-ZZZZZZ"}, token_from=PAGE)
    assert unknown.status_code == 404
    assert flashes(unknown) == ["兑换码 ZZZZ-ZZZZZZ 不存在，请核对后重新输入"]
    other = post_form(client, VERIFY, {"code": theirs["code"]}, token_from=PAGE)
    assert other.status_code == 404
    assert flashes(other) == [f"兑换码 {theirs['code']} 不存在，请核对后重新输入"]
    assert mall.status_of(theirs["id"]) == RedemptionStatus.PENDING


def test_an_empty_or_overlong_code_is_422(client, world):
    sign_in(client, world.a.staff)
    empty = post_form(client, VERIFY, {"code": "  "}, token_from=PAGE)
    assert empty.status_code == 422 and flashes(empty) == ["兑换码：请输入兑换码"]
    long = post_form(client, VERIFY, {"code": "A" * 33}, token_from=PAGE)
    assert long.status_code == 422 and flashes(long)[0].startswith("兑换码：")


def test_a_street_admin_verifies_in_every_community_of_the_street(client, world):
    redemption = redeemed(client, world.b.community, world.b.resident)
    sign_in(client, world.street_admin)
    done = post_form(client, VERIFY, {"code": redemption["code"]}, follow=True, token_from=PAGE)
    assert flashes(done)[0].startswith("已核销")
    assert world.b.community.name in page_text(done)


def test_the_page_runs_a_fixed_number_of_queries(client, world):
    sign_in(client, world.a.staff)
    redeemed(client, world.a.community, factories.resident())
    client.get(PAGE)  # the kept caller and the scope's name are built first
    small = queries_of_request(client, PAGE)

    for _ in range(20):
        redeemed(client, world.a.community, factories.resident())
    client.get(PAGE)
    large = queries_of_request(client, PAGE)

    assert len(row_ids(page_html(client.get(PAGE)))) == 20  # a page
    assert small == large, (small, large)
