"""Images made in the test with Pillow, uploads over HTTP, and what was stored."""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image

from app.uploads.models import Upload
from tests.helpers.api import API, auth
from tests.helpers.db import count_rows

# Where uploads are addressed in the tests: http, as in development.
BASE = "http://127.0.0.1:5000"


def image_bytes(kind: str = "PNG", size: tuple[int, int] = (640, 480), **save) -> bytes:
    """A picture in `kind` (Pillow's format name) with some detail, so that encoders work."""
    picture = Image.new("RGB", size, (200, 40, 40))
    for x in range(0, size[0], 16):
        picture.paste((40, 120, 200), (x, 0, x + 8, size[1]))
    out = io.BytesIO()
    picture.save(out, format=kind, **save)
    return out.getvalue()


def upload(client, user, data: bytes, filename: str = "photo.png", purpose="order_photo", **kw):
    """POST /uploads as `user` (None: no token) with `data` as the part `file`."""
    form = {"file": (io.BytesIO(data), filename, kw.pop("content_type", "image/png"))}
    if purpose is not None:
        form["purpose"] = purpose
    return client.post(
        f"{API}/uploads", data=form, headers=auth(user), content_type="multipart/form-data", **kw
    )


def stored_files(directory: Path) -> list[str]:
    """The files under `directory`, by name (none when it was never made)."""
    return sorted(os.listdir(directory)) if directory.exists() else []


def nothing_stored(directory: Path) -> bool:
    return count_rows(Upload) == 0 and stored_files(directory) == []


def key_of(url: str) -> str:
    return url.rsplit("/", 1)[1]
