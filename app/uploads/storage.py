"""Where uploaded files are kept: a directory of this server (UPLOAD_DIR, served at
PUBLIC_BASE_URL/media/ by app.uploads.media or by nginx), or a bucket of any S3-compatible
service (S3_BUCKET; addressed under S3_PUBLIC_BASE_URL, the bucket's public address or a
CDN in front of it). UPLOAD_STORAGE chooses; unset, S3_BUCKET does.

A backend is built once per process and setting, like every client of an outside service."""

from __future__ import annotations

import os
import re
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from flask import current_app

# Long-lived: a key is never written twice, so a file under it never changes.
CACHE_CONTROL = "public, max-age=31536000, immutable"
# What a key looks like (secrets.token_urlsafe, then ".thumb" for a thumbnail, then the
# extension): /media/ serves nothing else.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}(\.thumb)?\.(jpg|png|webp)")
_SETTINGS = (
    "UPLOAD_STORAGE",
    "UPLOAD_DIR",
    "PUBLIC_BASE_URL",
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_PUBLIC_BASE_URL",
)


class Storage(Protocol):
    def put(self, key: str, data: bytes, content_type: str) -> None: ...

    def delete(self, key: str) -> None: ...

    def url(self, key: str) -> str: ...


def new_keys(extension: str) -> tuple[str, str]:
    """A random key for an image and the key of its thumbnail."""
    token = secrets.token_urlsafe(18)
    return f"{token}.{extension}", f"{token}.thumb.{extension}"


class LocalStorage:
    def __init__(self, directory: str, public_base: str | None) -> None:
        self.directory = Path(directory)
        self.base = (public_base or "").rstrip("/") + "/media/"

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        # Written aside, then renamed: a reader never sees half a file.
        handle, partial = tempfile.mkstemp(dir=self.directory, prefix=".partial-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(partial, self.directory / key)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise

    def delete(self, key: str) -> None:
        (self.directory / key).unlink(missing_ok=True)

    def url(self, key: str) -> str:
        return self.base + key


class S3Storage:
    def __init__(self, config: Mapping[str, Any]) -> None:
        import boto3  # only where S3 is used: it takes a while to import

        self.bucket = config["S3_BUCKET"]
        self.base = config["S3_PUBLIC_BASE_URL"].rstrip("/") + "/"
        self.client = boto3.client(
            "s3",
            endpoint_url=config["S3_ENDPOINT_URL"],
            region_name=config["S3_REGION"],
            aws_access_key_id=config["S3_ACCESS_KEY_ID"],
            aws_secret_access_key=config["S3_SECRET_ACCESS_KEY"],
        )

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.client.put_object(
            Bucket=self.bucket,
            Key=key,
            Body=data,
            ContentType=content_type,
            CacheControl=CACHE_CONTROL,
        )

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)

    def url(self, key: str) -> str:
        return self.base + key


def kind_of(config: Mapping[str, Any]) -> str:
    return config["UPLOAD_STORAGE"] or ("s3" if config["S3_BUCKET"] else "local")


def storage() -> Storage:
    """The current app's backend, as its settings now say (tests change them)."""
    config = current_app.config
    settings = tuple(config[name] for name in _SETTINGS)
    kept = current_app.extensions.get("upload_storage")
    if kept is None or kept[0] != settings:
        backend: Storage = (
            S3Storage(config)
            if kind_of(config) == "s3"
            else LocalStorage(config["UPLOAD_DIR"], config["PUBLIC_BASE_URL"])
        )
        kept = current_app.extensions["upload_storage"] = (settings, backend)
    return kept[1]
