"""Who may upload for which purpose: a token first (401), then the purpose's role (403), both
before the image is looked at, and nothing written when refused."""

from __future__ import annotations

import io

import pytest

from tests.helpers.api import API, assert_error
from tests.helpers.permissions import BAD_TOKENS
from tests.helpers.uploads import image_bytes, nothing_stored, upload

ALLOWED = [
    ("a.resident", "order_photo"),
    ("a.member", "order_photo"),
    ("a.staff", "order_photo"),
    ("a.member", "completion_photo"),
    ("a.staff", "venue_photo"),
    ("street_admin", "venue_photo"),
]
REFUSED = [
    ("a.resident", "venue_photo"),
    ("a.member", "venue_photo"),
    ("a.resident", "completion_photo"),
    ("a.staff", "completion_photo"),
]


@pytest.mark.parametrize("who", list(BAD_TOKENS))
def test_without_a_valid_token_401(client, world, upload_dir, who):
    response = client.post(
        f"{API}/uploads",
        data={"file": (io.BytesIO(image_bytes()), "a.png"), "purpose": "order_photo"},
        headers=BAD_TOKENS[who](world),
        content_type="multipart/form-data",
    )

    assert_error(response, 401, "UNAUTHORIZED")
    assert nothing_stored(upload_dir)


def test_401_wins_over_413(client, world, upload_dir, app):
    response = upload(client, None, b"\0" * (app.config["MAX_UPLOAD_BYTES"] + 1))

    assert_error(response, 401, "UNAUTHORIZED")


@pytest.mark.parametrize(("who", "purpose"), ALLOWED)
def test_who_may_upload_what(client, world, upload_dir, who, purpose):
    response = upload(client, world.user(who), image_bytes(), purpose=purpose)

    assert response.status_code == 201, response.get_json()


@pytest.mark.parametrize(("who", "purpose"), REFUSED)
def test_a_purpose_not_theirs_is_403_even_with_a_bad_file(client, world, upload_dir, who, purpose):
    for data in (image_bytes(), b"not an image"):
        response = upload(client, world.user(who), data, purpose=purpose)

        assert_error(response, 403, "FORBIDDEN")
    assert nothing_stored(upload_dir)
