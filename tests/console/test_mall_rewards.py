"""积分商城 · 礼品 in the console: the community's rewards only, the create and edit forms
(street admins choose the community), bad input (422, the input kept, nothing written),
taking a reward off offer, and other communities' rewards out of reach (404)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.mall.models import Reward
from tests.helpers import mall
from tests.helpers.console import (
    assert_page_error,
    field_errors,
    flashes,
    page_html,
    page_text,
    post_form,
    sign_in,
)

PAGE = "/console/rewards"
NEW = "/console/rewards/new"
FORM = {"name": "社区定制帆布袋", "points": "30", "stock": "20"}


def rewards_count() -> int:
    return db.session.scalar(select(func.count(Reward.id)))


def test_the_page_lists_only_the_communitys_rewards(client, world):
    ours = mall.reward(world.a.community, name="洗衣液一瓶", points=12, stock=3)
    mall.reward(world.b.community, name="别的社区的米")
    sign_in(client, world.a.staff)

    page = page_text(client.get(PAGE))

    assert f'data-reward-id="{ours.id}"' in page
    assert "洗衣液一瓶" in page and "别的社区的米" not in page
    assert "积分商城" in page  # the navigation item


def test_staff_offer_a_reward_in_their_community(client, world):
    sign_in(client, world.a.staff)
    form = page_html(client.get(NEW))
    assert f'type="hidden" name="community_id" value="{world.a.community.id}"' in form

    data = {**FORM, "community_id": world.a.community.id, "per_person_limit": "2"}
    response = post_form(client, NEW, data, follow=True, token_from=NEW)

    assert response.status_code == 200
    assert flashes(response) == ["已上架“社区定制帆布袋”"]
    reward = db.session.scalar(select(Reward))
    assert (reward.community_id, reward.points, reward.stock) == (world.a.community.id, 30, 20)
    assert reward.per_person_limit == 2 and reward.created_by_id == world.a.staff.id
    assert f'data-reward-id="{reward.id}"' in page_html(response)


def test_a_street_admin_chooses_the_community(client, world):
    sign_in(client, world.street_admin)
    form = page_text(client.get(NEW))
    assert world.a.community.name in form and world.b.community.name in form

    missing = post_form(client, NEW, FORM, token_from=NEW)
    assert missing.status_code == 422 and field_errors(missing) == ["请选择社区"]
    chosen = {**FORM, "community_id": world.b.community.id}
    assert post_form(client, NEW, chosen, token_from=NEW).status_code == 302
    assert db.session.scalar(select(Reward.community_id)) == world.b.community.id


def test_bad_input_is_422_keeps_the_input_and_writes_nothing(client, world):
    sign_in(client, world.a.staff)
    data = {
        "name": "帆布袋",
        "points": "0",
        "stock": "-1",
        "photo": "http://example.com/a.png",
        "valid_from": "2026-12-05",
        "valid_until": "明天",
        "community_id": world.a.community.id,
    }

    response = post_form(client, NEW, data, token_from=NEW)

    assert response.status_code == 422
    assert len(field_errors(response)) == 4
    assert "所需积分应大于 0" in field_errors(response)
    assert "库存不能为负数" in field_errors(response)
    assert 'value="明天"' in page_text(response)
    assert rewards_count() == 0


def test_a_period_ending_before_it_starts_is_refused_by_the_service(client, world):
    sign_in(client, world.a.staff)
    data = {**FORM, "valid_from": "2026-12-05", "valid_until": "2026-12-01"}
    data["community_id"] = world.a.community.id
    response = post_form(client, NEW, data, token_from=NEW)
    assert response.status_code == 422
    assert field_errors(response) == ["结束日期不能早于开始日期"]
    assert rewards_count() == 0


def test_edit_a_reward_and_clear_its_limit(client, world):
    reward = mall.reward(world.a.community, per_person_limit=3)
    sign_in(client, world.a.staff)
    edit = f"/console/rewards/{reward.id}/edit"
    assert 'value="洗衣液一瓶"' in page_html(client.get(edit))

    data = {"name": "洗衣液两瓶", "points": "25", "stock": "9", "per_person_limit": ""}
    response = post_form(client, edit, data, follow=True, token_from=edit)

    assert flashes(response) == ["已保存“洗衣液两瓶”"]
    db.session.expire_all()
    assert (reward.name, reward.points, reward.stock) == ("洗衣液两瓶", 25, 9)
    assert reward.per_person_limit is None


def test_a_bad_edit_writes_nothing(client, world):
    reward = mall.reward(world.a.community)
    sign_in(client, world.a.staff)
    edit = f"/console/rewards/{reward.id}/edit"
    response = post_form(client, edit, {"name": "", "points": "abc", "stock": "1"}, token_from=edit)
    assert response.status_code == 422
    assert "请填写礼品名称" in field_errors(response) and "请填写整数" in field_errors(response)
    db.session.expire_all()
    assert (reward.name, reward.points) == ("洗衣液一瓶", 10)


def test_take_a_reward_off_offer_and_back(client, world):
    reward = mall.reward(world.a.community)
    sign_in(client, world.a.staff)
    off = post_form(client, f"/console/rewards/{reward.id}/offer", {"active": "0"}, follow=True)
    assert flashes(off) == ["已下架“洗衣液一瓶”"]
    db.session.expire_all()
    assert reward.is_active is False
    post_form(client, f"/console/rewards/{reward.id}/offer", {"active": "1"})
    db.session.expire_all()
    assert reward.is_active is True


def test_another_communitys_reward_is_out_of_reach(client, world):
    theirs = mall.reward(world.b.community)
    sign_in(client, world.a.staff)

    assert_page_error(client.get(f"/console/rewards/{theirs.id}/edit"), 404, "找不到")
    edit = post_form(client, f"/console/rewards/{theirs.id}/edit", {**FORM})
    assert_page_error(edit, 404, "找不到")
    off = post_form(client, f"/console/rewards/{theirs.id}/offer", {"active": "0"})
    assert_page_error(off, 404, "找不到")
    other = {**FORM, "community_id": world.b.community.id}
    assert_page_error(post_form(client, NEW, other, token_from=NEW), 404, "找不到")
    db.session.expire_all()
    assert (theirs.name, theirs.is_active, rewards_count()) == ("洗衣液一瓶", True, 1)
    assert_page_error(client.get(f"{PAGE}?community_id={world.b.community.id}"), 404, "找不到")
