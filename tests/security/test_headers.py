"""Every answer says what a browser may do with it; private answers are never cached."""

import pytest

from tests.helpers.api import API, auth
from tests.helpers.apps import other_app
from tests.helpers.console import sign_in

COMMON = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def directives(response) -> dict[str, str]:
    policy = response.headers["Content-Security-Policy"]
    pairs = (part.strip().partition(" ") for part in policy.split(";"))
    return {name: value for name, _, value in pairs}


def assert_common(response):
    for name, value in COMMON.items():
        assert response.headers[name] == value, name


def test_console_pages_allow_only_their_own_scripts_and_styles(client, world):
    sign_in(client, world.a.staff)
    for path in ("/console/", "/console/orders", "/console/members", "/console/login"):
        response = client.get(path)
        policy = directives(response)
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'", path
        assert policy["frame-ancestors"] == "'none'" and policy["form-action"] == "'self'"
        assert "unsafe" not in response.headers["Content-Security-Policy"]
        assert_common(response)


def test_the_console_loads_photos_only_from_the_allowed_hosts(app):
    with other_app(app, PHOTO_HOSTS=("img.example.cn",)) as allowed:
        response = allowed.test_client().get("/console/login")
    assert directives(response)["img-src"].split() == ["'self'", "https://img.example.cn"]


def test_json_answers_are_no_document(client):
    response = client.get(f"{API}/catalog")
    assert directives(response) == {"default-src": "'none'", "frame-ancestors": "'none'"}
    assert_common(response)


def test_the_api_docs_have_their_own_policy(client):
    response = client.get(f"{API}/docs")
    policy = directives(response)
    assert policy["script-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert "<script>" not in response.get_data(as_text=True)  # no inline script
    assert_common(response)


def test_hsts_only_over_https_when_configured(app):
    with other_app(app, HSTS_SECONDS=31536000) as secured:
        over_tls = secured.test_client().get(f"{API}/catalog", base_url="https://localhost")
        plain = secured.test_client().get(f"{API}/catalog")
    assert over_tls.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in plain.headers


@pytest.mark.parametrize("path", ["/me", "/my/orders"])
def test_answers_to_a_token_are_not_stored(client, world, path):
    response = client.get(f"{API}{path}", headers=auth(world.a.resident))
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"


def test_errors_to_a_token_are_not_stored_either(client, world):
    response = client.get(f"{API}/orders/999", headers=auth(world.a.resident))
    assert response.status_code == 404 and response.headers["Cache-Control"] == "no-store"


def test_console_pages_are_not_stored_but_their_files_may_be(client, world):
    sign_in(client, world.a.staff)
    assert client.get("/console/orders").headers["Cache-Control"] == "no-store"
    assert client.get("/console/login").headers["Cache-Control"] == "no-store"
    assert "no-store" not in client.get("/console/static/console.css").headers.get(
        "Cache-Control", ""
    )


def test_public_answers_keep_their_own_caching(client):
    response = client.get(f"{API}/catalog")
    assert "no-store" not in response.headers.get("Cache-Control", "")
    assert response.headers["ETag"]
