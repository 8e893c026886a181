"""The caller of a bearer-token call is kept per process (app.accounts.principals): a known
caller costs no query, and a granted or withdrawn role or a switched-off account counts from
the very next call."""

from __future__ import annotations

from sqlalchemy import delete

from app.accounts.models import UserRole
from app.extensions import db
from tests.helpers.api import assert_error, auth, get, post
from tests.helpers.members import registration
from tests.helpers.queries import queries_of_request

POOL = "/member/pool"


def test_a_known_caller_costs_no_query(client, world):
    headers = auth(world.a.member)
    first = queries_of_request(client, "/api/v1/member/pool", headers)
    again = queries_of_request(client, "/api/v1/member/pool", headers)
    assert again == first - 1


def test_an_approved_member_reaches_the_pool_at_once(client, world):
    profile = registration(world.a.community)
    resident = profile.user
    assert_error(get(client, resident, POOL), 403, "FORBIDDEN")  # the caller is now kept
    approved = post(client, world.a.staff, f"/staff/members/{profile.id}/approve")
    assert approved.status_code == 200
    assert get(client, resident, POOL).status_code == 200


def test_a_withdrawn_role_counts_from_the_next_call(client, world):
    assert get(client, world.a.member, POOL).status_code == 200
    db.session.execute(delete(UserRole).where(UserRole.user_id == world.a.member.id))
    db.session.commit()
    assert_error(get(client, world.a.member, POOL), 403, "FORBIDDEN")


def test_a_switched_off_account_counts_from_the_next_call(client, world):
    headers = auth(world.a.resident)
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    world.a.resident.is_active = False
    db.session.commit()
    assert_error(client.get("/api/v1/me", headers=headers), 401, "UNAUTHORIZED")


def test_with_no_keeping_every_call_reads_the_caller(app, client, world, monkeypatch):
    monkeypatch.setitem(app.config, "PRINCIPAL_CACHE_SECONDS", 0)
    headers = auth(world.a.member)
    first = queries_of_request(client, "/api/v1/member/pool", headers)
    assert queries_of_request(client, "/api/v1/member/pool", headers) == first
