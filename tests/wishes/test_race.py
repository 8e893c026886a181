"""A wish lit by ten members at once: exactly one lights it (PostgreSQL settles it)."""

from __future__ import annotations

import pytest

from app.extensions import db
from tests.helpers import factories
from tests.helpers.api import auth
from tests.helpers.concurrency import racing_app, run_together
from tests.helpers.orders import action_count, stored_order
from tests.helpers.wishes import open_wish

pytestmark = pytest.mark.postgresql

MEMBERS = 10


def test_ten_members_light_one_wish_and_exactly_one_wins(client, world, wish_item):
    members = [world.a.member] + [factories.member(world.a.community) for _ in range(MEMBERS - 1)]
    db.session.commit()
    wish = open_wish(client, world.a)
    with racing_app(MEMBERS) as race_app:
        results = run_together(
            race_app, [(f"/member/wishes/{wish['id']}/light", auth(m), None) for m in members]
        )

    winners = [i for i, (status, _) in enumerate(results) if status == 200]
    assert len(winners) == 1, results
    losers = [body["error"]["code"] for status, body in results if status != 200]
    assert losers == ["ORDER_ALREADY_TAKEN"] * (MEMBERS - 1)
    stored = stored_order(wish["id"])
    assert (stored.status, stored.member_id) == ("accepted", members[winners[0]].id)
    assert action_count(wish["id"], "grab") == 1
