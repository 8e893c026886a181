"""红喇叭 over the API: who an announcement reaches for each audience, each once; the
inbox messages, the subscribe messages after the commit, and the reach staff see."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from app.accounts.models import User
from app.extensions import db
from app.members.models import MemberProfile
from app.notifications.models import Announcement, Delivery, Message
from tests.helpers import factories
from tests.helpers.api import get_json, post
from tests.helpers.queries import count_queries
from tests.helpers.worker import drain

NOTICE = {"title": "停水通知", "body": "明天上午9点到12点小区停水，请提前储水。"}


def announce(client, user, community, audience: str = "all", **fields):
    body = {**NOTICE, "audience": audience, "community_id": community.id, **fields}
    return post(client, user, "/staff/announcements", body)


def created(client, user, community, audience: str = "all") -> dict:
    response = announce(client, user, community, audience)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def with_order(side, item, resident=None):
    resident = resident or side.resident
    factories.order(side.community, resident, item)
    return resident


def inbox_titles(client, user) -> list[str]:
    return [m["title"] for m in get_json(client, user, "/my/messages")["items"]]


def reach(client, user, announcement_id: int) -> dict:
    items = get_json(client, user, "/staff/announcements")["items"]
    return next(item for item in items if item["id"] == announcement_id)


def test_residents_are_those_with_an_order_there_in_each_of_their_communities(client, world):
    both = with_order(world.a, world.item)
    with_order(world.b, world.item, both)  # one resident, orders in both communities
    with_order(world.a, world.item, both)  # a second order counts no twice
    other = with_order(world.b, world.item, factories.resident())
    factories.resident()  # no order anywhere: nobody's resident
    db.session.commit()

    in_a = created(client, world.a.staff, world.a.community, "residents")
    in_b = created(client, world.b.staff, world.b.community, "residents")

    assert in_a["recipients"] == 1 and in_b["recipients"] == 2
    assert inbox_titles(client, both) == ["停水通知", "停水通知"]
    assert inbox_titles(client, other) == ["停水通知"]
    assert inbox_titles(client, world.a.member) == []  # a member without an order


def test_members_are_the_approved_members_of_the_community(client, world):
    pending = factories.member(world.a.community)
    db.session.execute(
        MemberProfile.__table__.update()
        .where(MemberProfile.user_id == pending.id)
        .values(status="pending")
    )
    db.session.commit()

    answer = created(client, world.a.staff, world.a.community, "members")

    assert answer["recipients"] == 1
    assert inbox_titles(client, world.a.member) == ["停水通知"]
    assert inbox_titles(client, pending) == []
    assert inbox_titles(client, world.b.member) == []


def test_all_counts_a_member_who_is_also_a_resident_once(client, world):
    with_order(world.a, world.item)
    with_order(world.a, world.item, world.a.member)  # the member has made an order too
    db.session.commit()

    answer = created(client, world.a.staff, world.a.community, "all")

    assert answer["recipients"] == 2
    assert inbox_titles(client, world.a.member) == ["停水通知"]
    assert inbox_titles(client, world.a.resident) == ["停水通知"]
    stored = db.session.get(Announcement, answer["id"])
    assert stored.recipients == 2 and stored.author_id == world.a.staff.id
    messages = db.session.scalar(
        select(func.count(Message.id)).where(Message.announcement_id == answer["id"])
    )
    assert messages == 2


def test_a_subscribe_message_goes_once_to_each_recipient_with_quota(client, world, wechat):
    with_order(world.a, world.item)
    db.session.commit()
    quota = {"template_ids": ["TPL-ANNOUNCEMENT"]}
    subscribed = post(client, world.a.member, "/me/subscriptions", quota)
    assert subscribed.status_code == 200

    answer = created(client, world.a.staff, world.a.community, "all")
    assert wechat.delivered == []  # nothing before the worker runs
    drain()

    (sent,) = wechat.delivered  # the resident has no quota: no message
    assert sent["touser"] == world.a.member.openid
    assert sent["template_id"] == "TPL-ANNOUNCEMENT"
    assert sent["data"]["thing1"]["value"] == "停水通知"
    assert sent["data"]["thing2"]["value"] == world.a.community.name
    assert sent["page"] == f"pages/messages/index?announcement_id={answer['id']}"
    statuses = db.session.scalars(select(Delivery.status).order_by(Delivery.user_id)).all()
    assert sorted(statuses) == ["no_quota", "sent"]
    assert reach(client, world.a.staff, answer["id"])["sent"] == 1


def test_read_follows_the_recipients_reading(client, world):
    with_order(world.a, world.item)
    db.session.commit()
    answer = created(client, world.a.staff, world.a.community, "all")
    shown = reach(client, world.a.staff, answer["id"])
    assert {key: shown[key] for key in ("title", "body", "audience", "community_id")} == {
        **NOTICE,
        "audience": "all",
        "community_id": world.a.community.id,
    }
    assert (shown["recipients"], shown["sent"], shown["read"]) == (2, 0, 0)
    assert shown["created_at"].endswith("+00:00") or "+" in shown["created_at"]

    message = get_json(client, world.a.member, "/my/messages")["items"][0]
    for _ in range(2):  # reading twice is one reader
        assert post(client, world.a.member, f"/my/messages/{message['id']}/read").status_code == 200

    assert reach(client, world.a.staff, answer["id"])["read"] == 1
    assert reach(client, world.street_admin, answer["id"])["read"] == 1


def test_a_street_admin_writes_to_any_community_of_the_street(client, world):
    answer = created(client, world.street_admin, world.b.community, "members")
    assert answer["recipients"] == 1
    assert inbox_titles(client, world.b.member) == ["停水通知"]


def test_an_audience_of_nobody_is_written_with_no_recipients(client, world):
    answer = created(client, world.a.staff, world.a.community, "residents")
    assert answer["recipients"] == 0
    assert db.session.get(Announcement, answer["id"]) is not None


def test_thousands_of_recipients_cost_a_few_statements(client, world):
    """One SELECT of the audience, the messages inserted in batches: the statements grow
    with the number of batches, not of recipients."""
    ids = db.session.scalars(
        insert(User).returning(User.id), [{"display_name": f"党员{n}"} for n in range(1200)]
    ).all()
    db.session.execute(
        insert(MemberProfile),
        [
            {
                "user_id": user_id,
                "community_id": world.b.community.id,
                "name": "党员",
                "unit_name": "单位",
                "letter_no": f"L-{user_id}",
                "status": "approved",
                "skills": [],
            }
            for user_id in ids
        ],
    )
    db.session.commit()
    with count_queries() as one:
        created(client, world.a.staff, world.a.community, "members")
    with count_queries() as many:
        answer = created(client, world.b.staff, world.b.community, "members")

    assert answer["recipients"] == 1201
    assert len(many) - len(one) == 2  # 1201 messages: three batches of 500 instead of one
