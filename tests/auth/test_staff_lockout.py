"""Repeated wrong passwords lock a username from that address for a while (LOGIN_MAX_FAILURES,
LOGIN_LOCK_MINUTES; tests/security/test_login_abuse.py has the rest of the policy); the lock
is counted on the frozen clock, which the tests move past it."""

from datetime import timedelta

import pytest

from app.accounts.models import LoginThrottle
from tests.helpers.api import assert_error, staff_login
from tests.helpers.db import count_rows

pytestmark = pytest.mark.usefixtures("frozen_clock")


def _wrong_passwords(client, staff, times: int) -> None:
    for _ in range(times):
        assert_error(staff_login(client, staff, "wrong-password"), 401, "INVALID_CREDENTIALS")


def test_fifth_wrong_password_locks_the_account_even_for_the_right_one(app, client, world):
    staff = world.a.staff
    _wrong_passwords(client, staff, 5)

    locked = staff_login(client, staff)

    assert "锁定" in assert_error(locked, 429, "RATE_LIMITED")["message"]
    assert int(locked.headers["Retry-After"]) == app.config["LOGIN_LOCK_MINUTES"] * 60


def test_a_right_password_before_the_limit_resets_the_count(app, client, world):
    staff = world.a.staff
    _wrong_passwords(client, staff, 4)
    assert staff_login(client, staff).status_code == 200
    _wrong_passwords(client, staff, 4)

    assert staff_login(client, staff).status_code == 200


def test_the_lock_ends_after_its_time(app, client, world, frozen_clock):
    staff = world.a.staff
    _wrong_passwords(client, staff, 5)
    frozen_clock.shift(timedelta(minutes=app.config["LOGIN_LOCK_MINUTES"], seconds=-1))
    assert_error(staff_login(client, staff), 429, "RATE_LIMITED")
    frozen_clock.shift(timedelta(seconds=1))

    assert staff_login(client, staff).status_code == 200


def test_one_account_locked_leaves_the_others_alone(app, client, world):
    _wrong_passwords(client, world.a.staff, 5)

    assert staff_login(client, world.b.staff).status_code == 200


def test_a_count_quiet_for_the_lock_time_is_forgotten(app, client, world, frozen_clock):
    staff = world.a.staff
    _wrong_passwords(client, staff, 4)
    for attempt in range(3):  # other usernames sprayed from the same address
        staff_login(client, f"sprayed-{attempt}", "wrong-password")
    frozen_clock.shift(timedelta(minutes=app.config["LOGIN_LOCK_MINUTES"], seconds=1))
    _wrong_passwords(client, staff, 4)  # a fresh count: not the 5th in a row

    assert staff_login(client, staff).status_code == 200
    assert count_rows(LoginThrottle) == 0  # the sprayed names' rows went with the quiet time
