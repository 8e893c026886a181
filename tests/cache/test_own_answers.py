"""`/me` and a resident's `/my/orders` are kept per caller (miniprogram_api.ready.own_answer):
the same request again runs no query while nothing they show changed, a change is seen by
the next request, and no caller is ever sent another's answer."""

from __future__ import annotations

from app.accounts.models import Role, UserRole
from app.extensions import db
from tests.helpers.api import auth, get_json
from tests.helpers.members import registration_body, submit_registration
from tests.helpers.orders import create_order
from tests.helpers.queries import queries_of_request

ME, MINE = "/api/v1/me", "/api/v1/my/orders"


def test_a_callers_me_again_runs_no_query(client, world):
    headers = auth(world.a.resident)
    queries_of_request(client, ME, headers)
    assert queries_of_request(client, ME, headers) == 0


def test_a_change_to_what_me_shows_is_seen_at_once(client, world):
    resident = world.a.resident
    assert get_json(client, resident, "/me")["member"] is None
    submitted = submit_registration(client, resident, registration_body(world.a.community))
    assert submitted.status_code == 201
    assert get_json(client, resident, "/me")["member"]["status"] == "pending"


def test_each_caller_has_their_own_me(client, world):
    mine, theirs = (get_json(client, u, "/me") for u in (world.a.resident, world.b.resident))
    assert (mine["id"], theirs["id"]) == (world.a.resident.id, world.b.resident.id)


def test_a_residents_page_again_runs_no_query_and_a_new_order_shows_at_once(client, world):
    resident, headers = world.a.resident, auth(world.a.resident)
    create_order(client, resident, world.a.community, world.item)
    queries_of_request(client, MINE, headers)
    assert queries_of_request(client, MINE, headers) == 0
    created = create_order(client, resident, world.a.community, world.item)
    assert get_json(client, resident, "/my/orders")["items"][0]["id"] == created["id"]


def test_residents_never_see_each_others_kept_pages(client, world):
    a, b = world.a.resident, world.b.resident
    ordered = create_order(client, a, world.a.community, world.item)
    assert [o["id"] for o in get_json(client, a, "/my/orders")["items"]] == [ordered["id"]]
    assert get_json(client, b, "/my/orders")["items"] == []


def test_a_kept_answer_for_one_caller_is_never_stored_by_a_browser(client, world):
    headers = auth(world.a.resident)
    client.get(ME, headers=headers)
    again = client.get(ME, headers=headers)
    assert again.headers["Cache-Control"] == "no-store" and "ETag" not in again.headers


def test_a_role_taken_is_seen_by_the_next_request(client, world):
    member = world.a.member
    assert "member" in get_json(client, member, "/me")["roles"]
    db.session.execute(
        db.delete(UserRole).where(UserRole.user_id == member.id, UserRole.role == Role.MEMBER)
    )
    db.session.commit()
    assert client.get("/api/v1/member/pool", headers=auth(member)).status_code == 403
    assert "member" not in get_json(client, member, "/me")["roles"]
