"""The photo field (console/photo_field.html) in Chromium: chosen images are uploaded through
POST /console/uploads and shown as thumbnails, a refused one says why, a removed one leaves
the form, and the form posts the addresses one a line. The field is shown on a page that only
this test serves, as the venue form will show it."""

from __future__ import annotations

import threading

import pytest
from flask import Blueprint, render_template_string, request
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db
from tests.helpers import factories
from tests.helpers.apps import make_config
from tests.helpers.browser import new_context, screenshot, sign_in
from tests.helpers.factories import STAFF_PASSWORD
from tests.helpers.uploads import image_bytes

expect = pytest.importorskip("playwright.sync_api").expect

PAGE = """{% from "console/photo_field.html" import photo_field, photo_field_assets %}
<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="csrf-token" content="{{ csrf_token() }}"><title>照片</title>
<link rel="stylesheet" href="{{ url_for('console.static', filename='console.css') }}">
{{ photo_field_assets() }}</head>
<body><main class="page"><form method="post" class="card" id="venue-form">
<input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
{{ photo_field('photos', urls, label='场所照片') }}
<button type="submit" class="primary">保存</button></form>
<p id="saved">{{ saved|join(' ') }}</p></main></body></html>"""


def _page_blueprint() -> Blueprint:
    page = Blueprint("photo_field_page", __name__)

    @page.route("/console-test/photo-field", methods=["GET", "POST"])
    def photo_field_page():
        saved = request.form.get("photos", "").splitlines() if request.method == "POST" else []
        return render_template_string(PAGE, urls=saved, saved=saved)

    return page


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    work = tmp_path_factory.mktemp("photo-field")
    app = create_app(make_config(f"sqlite:///{work / 'console.db'}", UPLOAD_DIR=str(work / "up")))
    app.register_blueprint(_page_blueprint())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    app.config["LIVE_URL"] = app.config["PUBLIC_BASE_URL"] = (
        f"http://127.0.0.1:{server.server_port}"
    )
    with app.app_context():
        db.create_all()
        factories.staff(factories.community(factories.street()), username="photo-staff")
        db.session.commit()
    yield app
    server.shutdown()


@pytest.fixture
def page(browser, served):
    context = new_context(browser, served.config["LIVE_URL"])
    page = context.new_page()
    sign_in(page, "photo-staff", STAFF_PASSWORD)
    yield page
    context.close()


def test_images_are_uploaded_shown_removed_and_posted(page, served):
    page.goto("/console-test/photo-field")
    page.set_input_files(
        "#photos-picker",
        [
            {"name": "门口.png", "mimeType": "image/png", "buffer": image_bytes("PNG", (960, 640))},
            {"name": "大厅.jpg", "mimeType": "image/jpeg", "buffer": image_bytes("JPEG")},
        ],
    )
    thumbnails = page.locator(".photo-thumbs img")
    expect(thumbnails).to_have_count(2)
    for index in range(2):  # the thumbnails, not the images, are loaded
        expect(thumbnails.nth(index)).to_have_js_property("naturalWidth", 480)
    urls = page.input_value("textarea[name=photos]").splitlines()
    assert len(urls) == 2
    assert all(url.startswith(served.config["PUBLIC_BASE_URL"] + "/media/") for url in urls)

    page.set_input_files(
        "#photos-picker",
        [{"name": "假图片.jpg", "mimeType": "image/jpeg", "buffer": "只是文字".encode() * 100}],
    )
    page.wait_for_selector(".photo-status.failed")
    assert page.inner_text("[data-photo-status]") == "只能上传完整的 JPEG、PNG 或 WebP 图片"
    assert page.input_value("textarea[name=photos]").splitlines() == urls
    screenshot(page, "60-photo-field")

    page.click(".photo-thumbs li:first-child [data-remove-photo]")
    assert page.input_value("textarea[name=photos]").splitlines() == urls[1:]

    page.click("#venue-form button[type=submit]")
    page.wait_for_load_state()
    assert page.inner_text("#saved") == urls[1]
    expect(page.locator(".photo-thumbs img")).to_have_js_property(
        "naturalWidth", 640
    )  # the JPEG itself
    assert page.input_value("textarea[name=photos]") == urls[1]
