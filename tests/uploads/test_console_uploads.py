"""POST /console/uploads: a venue photo from a staff session, with the page's CSRF token (as
the form field or the X-CSRFToken header the photo field's script sends)."""

from __future__ import annotations

import io

from app.uploads.models import Upload
from tests.helpers.console import csrf_token, sign_in
from tests.helpers.db import count_rows
from tests.helpers.uploads import BASE, image_bytes, key_of, nothing_stored

UPLOADS = "/console/uploads"


def _form(data: bytes, **fields) -> dict:
    return {"file": (io.BytesIO(data), "场所.png"), **fields}


def test_staff_upload_a_venue_photo(client, world, upload_dir):
    sign_in(client, world.a.staff)
    token = csrf_token(client, "/console/")

    response = client.post(UPLOADS, data=_form(image_bytes()), headers={"X-CSRFToken": token})

    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) == {"url", "thumbnail_url"}
    assert body["url"].startswith(f"{BASE}/media/")
    assert (upload_dir / key_of(body["thumbnail_url"])).exists()
    assert (
        count_rows(Upload, Upload.purpose == "venue_photo", Upload.owner_id == world.a.staff.id)
        == 1
    )


def test_the_token_may_come_as_a_form_field(client, world, upload_dir):
    sign_in(client, world.a.staff)

    response = client.post(
        UPLOADS, data=_form(image_bytes(), csrf_token=csrf_token(client, "/console/"))
    )

    assert response.status_code == 201


def test_without_the_csrf_token_nothing_is_stored(client, world, upload_dir):
    sign_in(client, world.a.staff)

    response = client.post(UPLOADS, data=_form(image_bytes()))

    assert response.status_code == 400
    assert nothing_stored(upload_dir)


def test_someone_not_signed_in_as_staff_is_sent_to_sign_in(client, world, upload_dir):
    token = csrf_token(client)  # the login page's

    response = client.post(UPLOADS, data=_form(image_bytes()), headers={"X-CSRFToken": token})

    assert response.status_code == 302 and "/console/login" in response.headers["Location"]
    assert nothing_stored(upload_dir)


def test_a_refused_image_answers_the_envelope(client, world, upload_dir):
    sign_in(client, world.a.staff)
    token = csrf_token(client, "/console/")

    response = client.post(UPLOADS, data=_form(b"GIF89a..."), headers={"X-CSRFToken": token})

    assert response.status_code == 422
    assert response.get_json()["error"]["message"] == "只能上传完整的 JPEG、PNG 或 WebP 图片"
    assert nothing_stored(upload_dir)


def test_no_file_is_422(client, world, upload_dir):
    sign_in(client, world.a.staff)
    token = csrf_token(client, "/console/")

    response = client.post(UPLOADS, data={"purpose": "x"}, headers={"X-CSRFToken": token})

    assert response.status_code == 422
    assert response.get_json()["error"]["details"] == {"file": ["请选择要上传的图片"]}


def test_the_larger_limit_holds_before_the_csrf_check_reads_the_form(client, world, upload_dir):
    sign_in(client, world.a.staff)
    token = csrf_token(client, "/console/")
    large = image_bytes("PNG") + b"\0" * 400_000  # over the 256 KB of other bodies

    accepted = client.post(UPLOADS, data=_form(large), headers={"X-CSRFToken": token})
    refused = client.post(
        UPLOADS, data=_form(b"\0" * (11 * 1024 * 1024)), headers={"X-CSRFToken": token}
    )

    assert accepted.status_code == 201
    assert refused.status_code == 413
    assert count_rows(Upload) == 1
