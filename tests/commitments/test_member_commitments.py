"""A member picks the year's 1+X commitments and sees them counted from what they did."""

from datetime import timedelta

import pytest

from app.commitments.models import Commitment
from app.extensions import db
from tests.helpers.api import assert_error, get_json
from tests.helpers.commitments import MINE, by_key, choose, complete_order, make_item
from tests.helpers.db import count_rows
from tests.helpers.factories import member

pytestmark = pytest.mark.usefixtures("frozen_clock")


def test_the_menu_has_the_five_standard_kinds_and_the_communitys_items(client, world):
    own = make_item(world.a)
    make_item(world.b, title="B 社区的项目")
    menu = get_json(client, world.a.member, f"{MINE}/menu")
    assert [i["key"] for i in menu["items"]] == [
        "activity",
        "pairing",
        "volunteer",
        "wish",
        "suggestion",
        f"custom:{own.id}",
    ]
    items = by_key(menu)
    assert (
        items["activity"]["required"] is True and items["activity"]["title"] == "参加一次组织活动"
    )
    assert all(items[kind]["counted"] for kind in ("activity", "volunteer", "wish"))
    assert items[f"custom:{own.id}"]["target"] == 2 and menu["next_cursor"] is None


def test_choosing_always_includes_the_one_and_shows_progress(client, world):
    response = choose(client, world.a.member, ["volunteer", "wish"])
    assert response.status_code == 200, response.get_json()
    answer = response.get_json()
    assert answer["year"] == 2026
    items = by_key(answer)
    assert list(items) == ["activity", "volunteer", "wish"]
    assert items["volunteer"] | {"id": 0} == {
        "id": 0,
        "key": "volunteer",
        "kind": "volunteer",
        "title": "开展一次志愿服务",
        "item_id": None,
        "member_id": world.a.member.id,
        "year": 2026,
        "target": 1,
        "required": False,
        "counted": True,
        "done": 0,
        "kept": False,
    }
    assert (items["activity"]["done"], items["wish"]["kept"]) == (0, False)
    assert get_json(client, world.a.member, MINE) == answer | {"next_cursor": None}


def test_volunteering_is_counted_from_orders_really_completed(client, world):
    a = world.a
    choose(client, a.member, ["volunteer"])
    complete_order(client, a, world.item, a.member)
    complete_order(client, a, world.item, a.member, rate=True)
    other = member(a.community)
    complete_order(client, a, world.item, other)  # someone else's service
    complete_order(client, a, world.item, a.member, until=3)  # accepted, not done yet
    items = by_key(get_json(client, a.member, MINE))
    assert items["volunteer"]["done"] == 2 and items["volunteer"]["kept"] is True


def test_an_order_completed_last_year_does_not_count(client, world, frozen_clock):
    a = world.a
    frozen_clock.move_to(frozen_clock.now.replace(year=2025))
    complete_order(client, a, world.item, a.member)
    frozen_clock.move_to(frozen_clock.now.replace(year=2026) + timedelta(days=1))
    choose(client, a.member, ["volunteer"])
    items = by_key(get_json(client, a.member, MINE))
    assert items["volunteer"]["done"] == 0
    last_year = by_key(get_json(client, a.member, f"{MINE}?year=2025"))
    assert last_year == {}  # nothing was chosen for 2025


def test_choosing_again_replaces_the_choice(client, world):
    item = make_item(world.a)
    choose(client, world.a.member, ["volunteer", "wish", "pairing"], [item.id])
    answer = choose(client, world.a.member, ["suggestion"]).get_json()
    assert list(by_key(answer)) == ["activity", "suggestion"]
    assert count_rows(Commitment, Commitment.member_id == world.a.member.id) == 2


def test_a_retired_item_already_chosen_may_be_kept(client, world):
    item = make_item(world.a)
    choose(client, world.a.member, [], [item.id])
    item.is_active = False
    db.session.commit()
    kept = choose(client, world.a.member, ["wish"], [item.id])
    assert kept.status_code == 200, kept.get_json()
    assert list(by_key(kept.get_json())) == ["activity", f"custom:{item.id}", "wish"]


def test_next_years_choice_is_its_own(client, world):
    choose(client, world.a.member, ["volunteer"])
    nxt = choose(client, world.a.member, ["wish"], year=2027).get_json()
    assert nxt["year"] == 2027 and list(by_key(nxt)) == ["activity", "wish"]
    assert list(by_key(get_json(client, world.a.member, MINE))) == ["activity", "volunteer"]


def test_bad_choices_are_422_and_write_nothing(client, world):
    others = make_item(world.b)
    retired = make_item(world.a, title="已下架")
    retired.is_active = False
    db.session.commit()
    for kwargs, field in [
        ({"kinds": ["nap"]}, "kinds"),
        ({"item_ids": [others.id]}, "item_ids"),
        ({"item_ids": [retired.id]}, "item_ids"),
        ({"item_ids": [99999]}, "item_ids"),
        ({"year": 2025}, "year"),
        ({"year": 2028}, "year"),
        ({"year": 1900}, "year"),
    ]:
        response = choose(client, world.a.member, **kwargs)
        error = assert_error(response, 422, "VALIDATION_ERROR")
        assert set(error["details"]) == {field}, (kwargs, error)
    assert count_rows(Commitment) == 0
