"""Repeated wrong passwords lock a staff account for a while (LOGIN_MAX_FAILURES)."""
from datetime import timedelta

from app.accounts.models import User
from app.db_types import utcnow
from app.extensions import db
from tests.helpers.factories import STAFF_PASSWORD

URL = "/api/v1/auth/staff"


def _login(client, user, password):
    return client.post(URL, json={"username": user.username, "password": password})


def test_fifth_wrong_password_locks_the_account_even_for_the_right_one(app, client, world):
    staff = world.a.staff
    answers = [_login(client, staff, "wrong-password").status_code for _ in range(5)]

    locked = _login(client, staff, STAFF_PASSWORD)

    assert answers == [401] * 5
    assert locked.status_code == 429
    assert locked.get_json()["error"]["code"] == "RATE_LIMITED"
    assert "锁定" in locked.get_json()["error"]["message"]
    assert 14 * 60 < int(locked.headers["Retry-After"]) <= 15 * 60


def test_a_right_password_before_the_limit_resets_the_count(app, client, world):
    staff = world.a.staff
    for _ in range(4):
        _login(client, staff, "wrong-password")
    assert _login(client, staff, STAFF_PASSWORD).status_code == 200
    for _ in range(4):
        _login(client, staff, "wrong-password")

    assert _login(client, staff, STAFF_PASSWORD).status_code == 200


def test_the_lock_ends_after_its_time(app, client, world):
    staff = world.a.staff
    for _ in range(5):
        _login(client, staff, "wrong-password")
    db.session.get(User, staff.id).locked_until = utcnow() - timedelta(seconds=1)
    db.session.commit()

    assert _login(client, staff, STAFF_PASSWORD).status_code == 200


def test_one_account_locked_leaves_the_others_alone(app, client, world):
    for _ in range(5):
        _login(client, world.a.staff, "wrong-password")

    assert _login(client, world.b.staff, STAFF_PASSWORD).status_code == 200
