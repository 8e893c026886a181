"""POST /uploads: images accepted by their content whatever their name says, anything else
refused with nothing written (no row, no file), and the size limits."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image
from sqlalchemy import select

from app.extensions import db
from app.uploads.models import Upload
from tests.helpers.api import API, assert_error, auth, post
from tests.helpers.uploads import BASE, image_bytes, key_of, nothing_stored, stored_files, upload

IMAGE = object()  # a part that is a PNG file, made anew for each call
FORMATS = [
    ("PNG", "image/png", "png"),
    ("JPEG", "image/jpeg", "jpg"),
    ("WEBP", "image/webp", "webp"),
]


@pytest.mark.parametrize(("kind", "content_type", "extension"), FORMATS)
def test_an_image_is_stored_with_its_thumbnail(
    client, world, upload_dir, kind, content_type, extension
):
    response = upload(client, world.a.resident, image_bytes(kind, (1200, 800)), "x.bin")

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    key, thumbnail = key_of(body["url"]), key_of(body["thumbnail_url"])
    assert body["url"] == f"{BASE}/media/{key}" and key.endswith(f".{extension}")
    assert thumbnail == key.replace(f".{extension}", f".thumb.{extension}")
    assert (body["content_type"], body["width"], body["height"]) == (content_type, 1200, 800)
    stored = (upload_dir / key).read_bytes()
    assert body["bytes"] == len(stored)
    assert Image.open(io.BytesIO(stored)).format == kind
    assert stored_files(upload_dir) == sorted([key, thumbnail])
    row = db.session.scalar(select(Upload))
    assert (row.id, row.owner_id, row.purpose) == (body["id"], world.a.resident.id, "order_photo")
    assert (row.storage_key, row.thumbnail_key, row.content_type) == (key, thumbnail, content_type)


def test_the_key_is_random_never_the_file_name(client, world, upload_dir):
    first = upload(client, world.a.resident, image_bytes(), "我的照片.png").get_json()
    second = upload(client, world.a.resident, image_bytes(), "我的照片.png").get_json()

    assert first["url"] != second["url"]
    assert all("我的照片" not in name for name in stored_files(upload_dir))


def test_a_png_named_jpg_is_accepted_and_stored_as_png(client, world, upload_dir):
    response = upload(
        client, world.a.resident, image_bytes("PNG"), "photo.jpg", content_type="image/jpeg"
    )

    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["content_type"] == "image/png" and body["url"].endswith(".png")
    stored = (upload_dir / key_of(body["url"])).read_bytes()
    assert Image.open(io.BytesIO(stored)).format == "PNG"


@pytest.mark.parametrize(
    ("data", "filename", "content_type"),
    [
        (os.urandom(4000), "photo.jpg", "image/jpeg"),  # a fake image: random bytes
        ("这不是图片，只是文字。\n".encode() * 50, "photo.png", "image/png"),  # text named .png
        (image_bytes("GIF"), "photo.gif", "image/gif"),  # a real image, not of the three
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "photo.png", "image/svg+xml"),
        (image_bytes("JPEG")[:3000], "photo.jpg", "image/jpeg"),  # a truncated JPEG
        (image_bytes("PNG")[:-40], "photo.png", "image/png"),  # a PNG cut short
        (b"", "photo.png", "image/png"),
    ],
    ids=["random-bytes", "text", "gif", "svg", "truncated-jpeg", "truncated-png", "empty"],
)
def test_anything_but_a_whole_jpeg_png_or_webp_is_refused(
    client, world, upload_dir, data, filename, content_type
):
    response = upload(client, world.a.resident, data, filename, content_type=content_type)

    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert error["message"] == "只能上传完整的 JPEG、PNG 或 WebP 图片"
    assert "file" in error["details"]
    assert nothing_stored(upload_dir)


def test_a_decompression_bomb_is_refused_before_it_is_decoded(client, world, upload_dir):
    bomb = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(bomb, "PNG")  # 100 million pixels in ~12 KB
    assert len(bomb.getvalue()) < 100_000

    response = upload(client, world.a.resident, bomb.getvalue(), "bomb.png")

    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert "像素过多" in error["message"]
    assert nothing_stored(upload_dir)


def test_the_pixel_cap_is_a_setting(client, world, upload_dir, monkeypatch, app):
    monkeypatch.setitem(app.config, "MAX_IMAGE_PIXELS", 1_000_000)

    refused = upload(client, world.a.resident, image_bytes("PNG", (1001, 1000)))
    accepted = upload(client, world.a.resident, image_bytes("PNG", (1000, 1000)))

    assert_error(refused, 422, "VALIDATION_ERROR")
    assert accepted.status_code == 201


def test_a_body_over_the_upload_limit_is_413_and_nothing_is_written(client, world, upload_dir, app):
    limit = app.config["MAX_UPLOAD_BYTES"]
    assert limit == 10 * 1024 * 1024
    oversized = image_bytes("PNG") + b"\0" * limit

    response = upload(client, world.a.resident, oversized)

    error = assert_error(response, 413, "PAYLOAD_TOO_LARGE")
    assert error["message"] == "提交的内容过大"
    assert nothing_stored(upload_dir)


def test_an_image_larger_than_other_bodies_may_be_is_accepted(client, world, upload_dir, app):
    noise = Image.frombytes("RGB", (600, 600), os.urandom(600 * 600 * 3))
    out = io.BytesIO()
    noise.save(out, "PNG")
    assert len(out.getvalue()) > app.config["MAX_CONTENT_LENGTH"]  # 256 KB for the rest

    response = upload(client, world.a.resident, out.getvalue())

    assert response.status_code == 201, response.get_json()
    assert response.get_json()["width"] == 600


def test_other_calls_keep_the_small_limit(client, world, upload_dir):
    response = post(client, world.a.resident, "/orders", {"description": "x" * 300_000})

    assert_error(response, 413, "PAYLOAD_TOO_LARGE")


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"purpose": "order_photo"}, "file"),
        ({"file": IMAGE}, "purpose"),
        ({"file": IMAGE, "purpose": "avatar"}, "purpose"),
        ({"file": "not a file part", "purpose": "order_photo"}, "file"),
    ],
    ids=["no-file", "no-purpose", "unknown-purpose", "file-as-text"],
)
def test_a_form_without_its_parts_is_422(client, world, upload_dir, form, field):
    form = {k: (io.BytesIO(image_bytes()), "a.png") if v is IMAGE else v for k, v in form.items()}
    response = client.post(
        f"{API}/uploads",
        data=form,
        headers=auth(world.a.resident),
        content_type="multipart/form-data",
    )

    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert field in error["details"]
    assert nothing_stored(upload_dir)


def test_a_json_body_is_422(client, world, upload_dir):
    response = post(client, world.a.resident, "/uploads", {"purpose": "order_photo"})

    assert_error(response, 422, "VALIDATION_ERROR")
