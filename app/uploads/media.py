"""`/media/<key>`: the files of local storage, for a server without nginx in front (nginx
serves the same directory itself, deploy/nginx/shaoxian.conf). No token: the random key is
the only way to an image. Nothing but a key of ours is served, and never as anything but the
image type its extension names."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, send_from_directory

from app.uploads.storage import CACHE_CONTROL, KEY_PATTERN, kind_of

bp = Blueprint("media", __name__)

_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@bp.get("/media/<key>")
def media(key: str):
    if kind_of(current_app.config) != "local" or not KEY_PATTERN.fullmatch(key):
        abort(404)
    answer = send_from_directory(
        current_app.config["UPLOAD_DIR"], key, mimetype=_TYPES[key.rsplit(".", 1)[1]]
    )
    answer.headers["Cache-Control"] = CACHE_CONTROL
    answer.headers["X-Content-Type-Options"] = "nosniff"
    return answer
