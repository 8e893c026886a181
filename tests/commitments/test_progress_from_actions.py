"""Each standard 1+X kind counted from what the member really did over HTTP: an activity
checked in to, a wish lit and fulfilled, a suggestion made, a visit to a paired household,
an order completed. Another member's deeds count for that member only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.catalog.models import CatalogItem, Category, CategoryKind
from app.extensions import db
from tests.helpers.activities import activity_body, check_in, published, signed_up
from tests.helpers.api import get_json, post
from tests.helpers.commitments import MINE, by_key, choose, complete_order
from tests.helpers.wishes import fulfilled_wish

pytestmark = pytest.mark.usefixtures("frozen_clock")
KINDS = ["pairing", "volunteer", "wish", "suggestion"]  # and the required "activity"
FRIDAY_14H = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)  # the activity's start, Beijing 14:00


@pytest.fixture
def wish_item(app):
    item = CatalogItem(
        category=Category(name="助学帮困", kind=CategoryKind.VOLUNTEER),
        name=app.config["WISH_ITEM_NAME"],
        points=5,
    )
    db.session.add(item)
    db.session.commit()
    return item


def progress(client, member) -> dict[str, tuple]:
    items = by_key(get_json(client, member, MINE))
    return {key: (item["counted"], item["done"], item["kept"]) for key, item in items.items()}


def test_every_standard_kind_is_counted_from_real_actions(client, world, wish_item, frozen_clock):
    a = world.a
    choose(client, a.member, KINDS)
    assert set(progress(client, a.member).values()) == {(True, 0, False)}

    complete_order(client, a, world.item, a.member)
    fulfilled_wish(client, a)
    made = post(
        client, a.member, "/suggestions", {"community_id": a.community.id, "text": "楼道灯坏了"}
    )
    assert made.status_code == 201, made.get_json()
    household = {"name": "赵大娘", "phone": "13900001111", "address": "东湖区百花洲路3号1栋102"}
    pairing = post(client, a.member, "/member/pairings", household).get_json()
    visit = {"date": "2026-11-26", "note": "陪老人聊天", "photos": []}
    assert (
        post(client, a.member, f"/member/pairings/{pairing['id']}/visits", visit).status_code == 201
    )
    activity = published(client, a.staff, activity_body(a.community))
    signed_up(client, a.member, activity["id"])
    frozen_clock.move_to(FRIDAY_14H)
    checked = check_in(client, a.member, activity["id"], {"code": activity["checkin_code"]})
    assert checked.status_code == 200, checked.get_json()

    assert progress(client, a.member) == dict.fromkeys(["activity", *KINDS], (True, 1, True))
    # What a.member did is not another member's progress.
    choose(client, world.b.member, KINDS)
    assert {done for _, done, _ in progress(client, world.b.member).values()} == {0}
