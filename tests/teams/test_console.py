"""The console's 团队 page and the dispatch to a team on an order's page, over HTTP with
the session cookie and CSRF token, as a browser sends the forms."""

from __future__ import annotations

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from app.extensions import db
from app.orders.models import OrderStatus as S
from app.teams.models import ServiceTeam
from tests.helpers import factories
from tests.helpers.console import field_errors, flashes, page_text, post_form, sign_in
from tests.helpers.orders import seeded_order, stored_order
from tests.helpers.teams import member_ids_of, team, team_count


def test_staff_create_and_edit_a_team_in_the_console(client, world):
    other = factories.member(world.a.community)
    db.session.commit()
    sign_in(client, world.a.staff)
    form = MultiDict(
        [
            ("name", "白天使医疗队"),
            ("kind", "white_angel"),
            ("community_id", str(world.a.community.id)),
            ("leader_id", str(world.a.member.id)),
            ("member_ids", str(other.id)),
            ("category_ids", str(world.item.category_id)),
        ]
    )
    done = post_form(client, "/console/teams/new", form, follow=True)
    assert flashes(done) == ["已保存团队“白天使医疗队”"]
    assert "白天使医疗队" in page_text(done) and "2 人" in page_text(done)
    (created,) = world_teams(world.a.community.id)
    assert member_ids_of(created) == sorted([world.a.member.id, other.id])

    edit = MultiDict([("name", "白天使医疗队"), ("kind", "health"), ("member_ids", str(other.id))])
    saved = post_form(client, f"/console/teams/{created}/edit", edit, follow=True)
    assert flashes(saved) == ["已保存团队“白天使医疗队”"]
    assert "已解散" in page_text(saved)  # the box "服务中" left unticked
    assert member_ids_of(created) == [other.id]


def test_a_refused_form_shows_why_and_writes_nothing(client, world):
    sign_in(client, world.a.staff)
    form = {"name": "队", "kind": "patrol", "community_id": str(world.a.community.id)}
    form["member_ids"] = str(world.b.member.id)
    refused = post_form(client, "/console/teams/new", form)
    assert refused.status_code == 422
    assert any("不是本社区已审核通过的党员" in e for e in field_errors(refused))
    assert team_count() == 0
    assert (
        client.get(
            f"/console/teams/{team(world.b.community, [world.b.member]).id}/edit"
        ).status_code
        == 404
    )


def test_dispatch_to_a_team_from_the_order_page(client, world):
    squad = team(world.a.community, [world.a.member])
    order = seeded_order(world.a, world.item, S.APPROVED)
    sign_in(client, world.a.staff)
    shown = page_text(client.get(f"/console/orders/{order.id}"))
    assert "派单给团队" in shown and "水电维修队" in shown

    empty = post_form(client, f"/console/orders/{order.id}/dispatch-team", {})
    assert empty.status_code == 422 and "请选择一个团队" in field_errors(empty)
    done = post_form(
        client, f"/console/orders/{order.id}/dispatch-team", {"team_id": str(squad.id)}, follow=True
    )
    assert flashes(done) == ["已派给团队，等待团队中一人接单"]
    assert "等待团队中一人接单" in page_text(done) and "派单给团队" in page_text(done)
    stored = stored_order(order.id)
    assert (stored.status, stored.team_id, stored.member_id) == (S.DISPATCHED, squad.id, None)


def world_teams(community_id: int) -> list[int]:
    return list(
        db.session.scalars(select(ServiceTeam.id).where(ServiceTeam.community_id == community_id))
    )
