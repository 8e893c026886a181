"""What is stored is the picture only: turned as the camera said, without EXIF (GPS), comments
or colour profile, and its thumbnail at most 480 pixels on its long side."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageCms

from tests.helpers.uploads import image_bytes, key_of, upload

ORIENTATION, MAKE, GPS_INFO = 0x0112, 0x010F, 0x8825


def _stored(upload_dir, url: str) -> Image.Image:
    return Image.open(io.BytesIO((upload_dir / key_of(url)).read_bytes()))


def _photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[ORIENTATION] = 6  # the camera was turned: the picture is to be turned 90° clockwise
    exif[GPS_INFO] = {1: "N", 2: (28.0, 40.0, 58.0), 3: "E", 4: (115.0, 51.0, 30.0)}
    return image_bytes("JPEG", (1200, 800), exif=exif, comment=b"home address")


def test_a_photo_loses_its_exif_gps_and_comment(client, world, upload_dir):
    original = Image.open(io.BytesIO(_photo_with_gps()))
    assert original.getexif().get_ifd(GPS_INFO) and original.info.get("comment")

    body = upload(client, world.a.resident, _photo_with_gps(), "gps.jpg").get_json()

    for url in (body["url"], body["thumbnail_url"]):
        stored = _stored(upload_dir, url)
        assert dict(stored.getexif()) == {}
        assert "exif" not in stored.info and "comment" not in stored.info
        assert b"PhoneMaker" not in (upload_dir / key_of(url)).read_bytes()


def test_the_exif_orientation_is_applied(client, world, upload_dir):
    body = upload(client, world.a.resident, _photo_with_gps(), "gps.jpg").get_json()

    assert (body["width"], body["height"]) == (800, 1200)
    assert _stored(upload_dir, body["url"]).size == (800, 1200)
    assert _stored(upload_dir, body["thumbnail_url"]).size == (320, 480)


@pytest.mark.parametrize(
    ("size", "thumbnail"),
    [((1200, 800), (480, 320)), ((640, 2000), (154, 480)), ((300, 200), (300, 200))],
    ids=["landscape", "portrait", "small-stays"],
)
def test_the_thumbnail_fits_in_480_pixels(client, world, upload_dir, size, thumbnail):
    body = upload(client, world.a.resident, image_bytes("WEBP", size), "a.webp").get_json()

    assert _stored(upload_dir, body["thumbnail_url"]).size == thumbnail
    assert _stored(upload_dir, body["url"]).size == size


def test_png_text_chunks_and_colour_profile_are_dropped(client, world, upload_dir):
    from PIL.PngImagePlugin import PngInfo

    text = PngInfo()
    text.add_text("Comment", "楼下 3 单元")
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB")).tobytes()
    picture = Image.new("RGB", (64, 64), (10, 200, 10))
    out = io.BytesIO()
    picture.save(out, "PNG", pnginfo=text, icc_profile=profile)

    body = upload(client, world.a.resident, out.getvalue(), "a.png").get_json()

    stored = _stored(upload_dir, body["url"])
    assert stored.info == {} or set(stored.info) <= {"dpi"}
    assert b"Comment" not in (upload_dir / key_of(body["url"])).read_bytes()


def test_transparency_is_kept(client, world, upload_dir):
    picture = Image.new("RGBA", (50, 50), (255, 0, 0, 0))
    out = io.BytesIO()
    picture.save(out, "PNG")

    body = upload(client, world.a.resident, out.getvalue(), "clear.png").get_json()

    assert _stored(upload_dir, body["url"]).getpixel((0, 0))[3] == 0
