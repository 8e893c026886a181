"""Console sign-in: session cookie, CSRF on every form, lock-out, safe redirects."""

from tests.helpers.api import staff_login
from tests.helpers.console import console_login, csrf_token, post_form
from tests.helpers.factories import STAFF_PASSWORD


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get("/console/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/console/login?next=/console/")


def test_staff_signs_in_and_sees_their_community(client, world):
    response = console_login(client, world.a.staff)
    assert response.status_code == 302 and response.headers["Location"] == "/console/"

    page = client.get("/console/").get_data(as_text=True)
    assert world.a.community.name in page
    assert "退出登录" in page


def test_wrong_password_shows_the_error_and_keeps_the_username(client, world):
    response = console_login(client, world.a.staff, password="not-the-password")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "用户名或密码错误" in page
    assert f'value="{world.a.staff.username}"' in page
    assert client.get("/console/").status_code == 302


def test_empty_fields_are_named_next_to_the_field(client):
    response = client.post("/console/login", data={"csrf_token": csrf_token(client)})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert page.count("此项为必填") == 2


def test_repeated_failures_lock_the_account(client, world):
    for _ in range(5):
        console_login(client, world.a.staff, password="not-the-password")
    response = console_login(client, world.a.staff)
    assert response.status_code == 422
    assert "锁定" in response.get_data(as_text=True)


def test_a_form_without_csrf_token_is_refused(client, world):
    response = client.post(
        "/console/login", data={"username": world.a.staff.username, "password": STAFF_PASSWORD}
    )
    assert response.status_code == 400
    assert "页面已过期" in response.get_data(as_text=True)
    assert client.get("/console/").status_code == 302


def test_logout_ends_the_session_and_needs_csrf(client, world):
    console_login(client, world.a.staff)
    assert client.post("/console/logout").status_code == 400
    assert client.get("/console/").status_code == 200

    response = post_form(client, "/console/logout")
    assert response.status_code == 302
    assert client.get("/console/").status_code == 302


def test_next_never_leaves_the_console(client, world):
    for target in ("https://evil.example/", "//evil.example/", "/api/v1/me"):
        response = client.post(
            f"/console/login?next={target}",
            data={
                "username": world.a.staff.username,
                "password": STAFF_PASSWORD,
                "csrf_token": csrf_token(client),
            },
        )
        assert response.headers["Location"] == "/console/", target


def test_residents_and_members_cannot_use_the_console(client, world):
    with client.session_transaction("/console/") as session:
        session["staff_id"] = world.a.member.id
    assert client.get("/console/").status_code == 302


def test_session_cookie_is_http_only_and_lax(client, world):
    response = console_login(client, world.a.staff)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_api_is_not_subject_to_csrf(client, world):
    assert staff_login(client, world.a.staff).status_code == 200


def test_an_htmx_poll_after_the_session_ended_sends_the_page_to_sign_in(client):
    response = client.get("/console/", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"] == "/console/login"
