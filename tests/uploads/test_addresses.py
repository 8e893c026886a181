"""An upload's address is what order fields accept, and the file is served there: /media/ for
local storage, with long-lived caching and no sniffing. Plain http is accepted for the
platform's own upload base (development) and nothing else."""

from __future__ import annotations

import pytest

from app.orders.models import OrderStatus
from tests.helpers.api import assert_error, post
from tests.helpers.orders import create_order, order_body, seeded_order
from tests.helpers.uploads import BASE, image_bytes, key_of, upload


def _path(url: str) -> str:
    return url.removeprefix(BASE)


def test_the_file_and_its_thumbnail_are_served(client, world, upload_dir):
    body = upload(client, world.a.resident, image_bytes("JPEG"), "a.jpg").get_json()

    for url in (body["url"], body["thumbnail_url"]):
        answer = client.get(_path(url))
        assert answer.status_code == 200
        assert answer.mimetype == "image/jpeg"
        assert answer.get_data() == (upload_dir / key_of(url)).read_bytes()
        assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        again = client.get(_path(url), headers={"If-None-Match": answer.headers["ETag"]})
        assert again.status_code == 304


@pytest.mark.parametrize(
    "path",
    [
        "/media/unknownkeyunknownkey.jpg",
        "/media/..%2Fapp.db",
        "/media/abc.jpg",  # too short to be a key of ours
        "/media/aaaaaaaaaaaaaaaaaaaaaaaa.html",
        "/media/.partial-aaaaaaaaaaaaaaaaaaaa",
    ],
)
def test_nothing_but_a_stored_key_is_served(client, world, upload_dir, path):
    upload_dir.mkdir(parents=True, exist_ok=True)
    (upload_dir / "aaaaaaaaaaaaaaaaaaaaaaaa.html").write_text("<script>alert(1)</script>")

    assert_error(client.get(path), 404, "NOT_FOUND")


def test_an_upload_is_accepted_as_an_order_photo(client, world, upload_dir):
    photo = upload(client, world.a.resident, image_bytes()).get_json()

    order = create_order(
        client, world.a.resident, world.a.community, world.item, photos=[photo["url"]]
    )

    assert order["photos"] == [photo["url"]]


def test_an_upload_is_accepted_as_a_completion_photo(client, world, upload_dir):
    order = seeded_order(world.a, world.item, OrderStatus.IN_PROGRESS)
    photo = upload(client, world.a.member, image_bytes(), purpose="completion_photo").get_json()

    response = post(
        client, world.a.member, f"/member/orders/{order.id}/complete", {"photos": [photo["url"]]}
    )

    assert response.status_code == 200, response.get_json()
    assert response.get_json()["completion_photos"] == [photo["url"]]


@pytest.mark.parametrize(
    "url",
    [
        f"{BASE}/elsewhere/a.jpg",  # the platform's host, not its upload base
        "http://img.example.com/a.jpg",
        f"http://127.0.0.1:5001/media/{'a' * 24}.jpg",
    ],
)
def test_plain_http_is_refused_outside_the_upload_base(client, world, upload_dir, url):
    body = order_body(world.a.community, world.item, photos=[url])

    response = post(client, world.a.resident, "/orders", body)

    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert "photos" in error["details"]


def test_in_production_only_https_uploads_exist(client, world, upload_dir, monkeypatch, app):
    monkeypatch.setitem(app.config, "PUBLIC_BASE_URL", "https://shaoxian.example.cn")

    photo = upload(client, world.a.resident, image_bytes()).get_json()
    order = create_order(
        client, world.a.resident, world.a.community, world.item, photos=[photo["url"]]
    )

    assert photo["url"].startswith("https://shaoxian.example.cn/media/")
    assert order["photos"] == [photo["url"]]
