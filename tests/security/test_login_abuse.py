"""Wrong staff passwords slow the guesser down, not the staff member: counted per (username,
client address), alike for known and unknown usernames, lifted by an admin, logged."""

import logging

import pytest

from app.accounts import services
from tests.helpers.api import API, assert_error
from tests.helpers.apps import rate_limited_app
from tests.helpers.console import csrf_token
from tests.helpers.factories import STAFF_PASSWORD

ATTACKER = {"REMOTE_ADDR": "203.0.113.9"}
DESK = {"REMOTE_ADDR": "198.51.100.20"}


def login(client, username, password, address=ATTACKER):
    return client.post(
        f"{API}/auth/staff", json={"username": username, "password": password}, environ_base=address
    )


def guess(client, username, times=5, address=ATTACKER):
    return [login(client, username, "wrong-password", address).status_code for _ in range(times)]


def test_a_guesser_elsewhere_cannot_lock_the_staff_member_out(client, world):
    staff = world.a.staff.username
    assert guess(client, staff) == [401] * 5

    locked = login(client, staff, STAFF_PASSWORD)
    error = assert_error(locked, 429, "RATE_LIMITED")
    assert "请" in error["message"] and 14 * 60 < int(locked.headers["Retry-After"]) <= 15 * 60
    assert login(client, staff, STAFF_PASSWORD, address=DESK).status_code == 200


def test_known_and_unknown_usernames_answer_alike(client, world):
    known = [login(client, world.a.staff.username, "wrong-password") for _ in range(6)]
    unknown = [login(client, "no-such-staff", "wrong-password") for _ in range(6)]

    def shape(response):
        error = response.get_json()["error"]
        return response.status_code, error["code"], error["message"], error["details"]

    assert [shape(r) for r in known] == [shape(r) for r in unknown]
    assert [r.status_code for r in unknown] == [401] * 5 + [429]


def test_known_and_unknown_usernames_cost_one_password_check_each(client, world, monkeypatch):
    calls = []
    real = services.check_password_hash
    monkeypatch.setattr(
        services,
        "check_password_hash",
        lambda stored, password: calls.append(stored) or real(stored, password),
    )
    login(client, world.a.staff.username, "wrong-password")
    login(client, "no-such-staff", "wrong-password")
    assert len(calls) == 2 and all(stored.startswith("scrypt:") for stored in calls)


def test_an_admin_unlocks_a_username_on_every_address(app, client, world):
    staff = world.a.staff.username
    guess(client, staff)
    guess(client, staff, address=DESK)
    result = app.test_cli_runner().invoke(args=["staff", "unlock", staff])
    assert result.exit_code == 0 and "2" in result.output
    assert login(client, staff, STAFF_PASSWORD).status_code == 200
    assert login(client, staff, STAFF_PASSWORD, address=DESK).status_code == 200


def test_the_console_counts_the_same_failures(client, world):
    staff = world.a.staff
    guess(client, staff.username, times=4)
    form = {"username": staff.username, "password": "wrong", "csrf_token": csrf_token(client)}
    client.post("/console/login", data=form, environ_base=ATTACKER)

    form["password"] = STAFF_PASSWORD
    page = client.post("/console/login", data=form, environ_base=ATTACKER)
    assert page.status_code == 422 and "分钟后再试" in page.get_data(as_text=True)
    assert client.post("/console/login", data=form, environ_base=DESK).status_code == 302


@pytest.mark.parametrize("channel", ["api", "console"])
def test_sign_ins_failures_and_locks_are_security_events(client, world, caplog, channel):
    staff = world.a.staff.username
    caplog.set_level(logging.INFO, logger="app.security")
    if channel == "api":
        assert login(client, staff, STAFF_PASSWORD).status_code == 200
    else:
        form = {"username": staff, "password": STAFF_PASSWORD, "csrf_token": csrf_token(client)}
        assert client.post("/console/login", data=form, environ_base=ATTACKER).status_code == 302
    guess(client, staff)
    login(client, staff, "wrong-password")

    events = [r.getMessage() for r in caplog.records if r.name == "app.security"]
    assert any(e.startswith("staff signed in") and "203.0.113.9" in e for e in events)
    assert sum(e.startswith("login failed") for e in events) == 5
    assert sum(e.startswith("login locked") for e in events) == 1
    assert any(e.startswith("login refused while locked") for e in events)
    assert not any(STAFF_PASSWORD in e or "wrong-password" in e for e in events)


def test_console_sign_in_is_limited_per_address_in_one_budget_with_the_api(app):
    wrong = {"username": "nobody", "password": "wrong-password"}
    with rate_limited_app(app, "4 per minute", WTF_CSRF_ENABLED=False) as limited:
        client = limited.test_client()
        api = [
            client.post(f"{API}/auth/staff", json=wrong, environ_base=ATTACKER).status_code
            for _ in range(2)
        ]
        console = [
            client.post("/console/login", data=wrong, environ_base=ATTACKER) for _ in range(3)
        ]
        elsewhere = client.post("/console/login", data=wrong, environ_base=DESK)
        page_shown = client.get("/console/login", environ_base=ATTACKER)
    assert api == [401, 401]
    assert [page.status_code for page in console] == [422, 422, 429]
    assert "操作太频繁" in console[-1].get_data(as_text=True)
    assert elsewhere.status_code == 422 and page_shown.status_code == 200
