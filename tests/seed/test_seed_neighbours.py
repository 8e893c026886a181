"""The demo's 微心愿, 意见建议 and 结对: wishes on the wall with names masked, an open wish
for the walkthrough's member, suggestions, a pairing with visits; a second run adds none."""

from sqlalchemy import select

from app.extensions import db
from app.org.models import Community
from app.pairings.models import PairingVisit
from app.suggestions.models import Suggestion
from app.wishes.models import Wish
from tests.helpers.api import API, wechat_login
from tests.helpers.db import count_rows
from tests.seed.test_seed_demo import seed


def test_the_demo_has_wishes_suggestions_and_a_pairing(app, client):
    seed(app)
    demo_a = db.session.scalar(select(Community).where(Community.code == "demo-a"))
    wall = client.get(f"{API}/communities/{demo_a.id}/wishes/fulfilled").get_json()["items"]
    assert len(wall) == 2
    assert {entry["resident_name"] for entry in wall} == {"张**", "周**"}
    assert {entry["member_name"] for entry in wall} == {"李建华", "吴**"}

    token = wechat_login(client, "member-a1").get_json()["token"]
    member = client.get(f"{API}/member/wishes", headers={"Authorization": f"Bearer {token}"})
    assert [w["description"] for w in member.get_json()["items"]] == ["冬天到了，想要一床厚棉被。"]
    assert count_rows(Suggestion) == 3 and count_rows(PairingVisit) == 2

    counts = (count_rows(Wish), count_rows(Suggestion), count_rows(PairingVisit))
    seed(app)
    assert (count_rows(Wish), count_rows(Suggestion), count_rows(PairingVisit)) == counts
