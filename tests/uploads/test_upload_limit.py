"""Uploads are limited per user (UPLOAD_RATE_LIMIT), across the API and the console: another
user, even from the same address, still may."""

from __future__ import annotations

import io

from app.extensions import db
from tests.helpers import factories
from tests.helpers.api import assert_error
from tests.helpers.apps import rate_limited_app
from tests.helpers.console import csrf_token, sign_in
from tests.helpers.uploads import BASE, image_bytes, upload


def test_the_limit_is_per_user_and_shared_by_the_console(app, tmp_path):
    with rate_limited_app(
        app, UPLOAD_RATE_LIMIT="2 per minute", UPLOAD_DIR=str(tmp_path), PUBLIC_BASE_URL=BASE
    ) as limited:
        community = factories.community(factories.street())
        staff, resident = factories.staff(community), factories.resident()
        db.session.commit()
        client = limited.test_client()

        first = upload(client, staff, image_bytes())
        sign_in(client, staff)
        token = csrf_token(client, "/console/")
        second = client.post(
            "/console/uploads",
            data={"file": (io.BytesIO(image_bytes()), "a.png")},
            headers={"X-CSRFToken": token},
        )
        third = upload(client, staff, image_bytes())
        other = upload(client, resident, image_bytes())

    assert (first.status_code, second.status_code) == (201, 201)
    assert_error(third, 429, "RATE_LIMITED")
    assert "Retry-After" in third.headers
    assert other.status_code == 201
