"""Oversized, overlong and unparseable requests are refused with the envelope, never a 500,
and write nothing; an unsafe `next` after the console's sign-in is dropped."""

import pytest
from sqlalchemy import func, select

from app.accounts.models import User
from app.extensions import db
from tests.helpers.api import API, assert_error, auth
from tests.helpers.console import csrf_token
from tests.helpers.factories import STAFF_PASSWORD


def users() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_a_body_over_the_limit_is_413_before_it_is_read(app, client):
    before = users()
    big = b'{"code": "' + b"x" * app.config["MAX_CONTENT_LENGTH"] + b'"}'
    response = client.post(f"{API}/auth/wechat", data=big, content_type="application/json")
    assert_error(response, 413, "PAYLOAD_TOO_LARGE")
    assert users() == before


def test_a_body_under_the_limit_is_read(app, client):
    response = client.post(f"{API}/auth/wechat", json={"code": "resident-under-the-limit"})
    assert response.status_code == 200


@pytest.mark.parametrize("depth", [100, 977, 5000, 100_000])
def test_deeply_nested_json_is_a_422(client, world, depth):
    body = "[" * depth + "]" * depth
    for path, user in (("/auth/wechat", None), ("/orders", world.a.resident)):
        response = client.post(
            f"{API}{path}", data=body, content_type="application/json", headers=auth(user)
        )
        assert_error(response, 422, "VALIDATION_ERROR")


def test_a_console_form_over_the_limit_is_413(app, client):
    data = {"username": "x" * app.config["MAX_CONTENT_LENGTH"], "password": "y"}
    assert client.post("/console/login", data=data).status_code == 413


def test_a_url_over_the_limit_is_414(app, client):
    response = client.get(f"{API}/catalog?kind=" + "a" * app.config["MAX_URL_LENGTH"])
    assert_error(response, 414, "URI_TOO_LONG")


def test_a_url_under_the_limit_is_served(client):
    response = client.get(f"{API}/catalog?kind=public&x=" + "a" * 3000)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "target",
    [
        "/console/%0d%0aSet-Cookie:%20x=1",
        "/console/%0aLocation:%20https://evil.example",
        "/console/\\evil.example",
        "//evil.example/console/",
        "https://evil.example/console/",
    ],
)
def test_an_unsafe_next_is_dropped(client, world, target):
    form = {
        "username": world.a.staff.username,
        "password": STAFF_PASSWORD,
        "csrf_token": csrf_token(client),
    }
    response = client.post(f"/console/login?next={target}", data=form)
    assert response.status_code == 302
    assert response.headers["Location"] == "/console/"


def test_a_safe_next_is_followed(client, world):
    form = {
        "username": world.a.staff.username,
        "password": STAFF_PASSWORD,
        "csrf_token": csrf_token(client),
    }
    response = client.post("/console/login?next=/console/orders%3Fstatus%3Dsubmitted", data=form)
    assert response.headers["Location"] == "/console/orders?status=submitted"
