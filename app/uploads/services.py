"""Storing an uploaded image: who may upload for what, the image checked and cleaned, both
files stored, one row written."""

from __future__ import annotations

from flask import current_app

from app.accounts.models import STAFF_ROLES, Role, User
from app.errors import Forbidden, ValidationError
from app.extensions import db
from app.transaction import use_case
from app.uploads import images
from app.uploads.models import Upload, UploadPurpose
from app.uploads.storage import new_keys, storage

# Who may upload for each purpose (an order's photos: any signed-in user).
UPLOADERS: dict[UploadPurpose, tuple[Role, ...] | None] = {
    UploadPurpose.ORDER_PHOTO: None,
    UploadPurpose.COMPLETION_PHOTO: (Role.MEMBER,),
    UploadPurpose.VENUE_PHOTO: STAFF_ROLES,
}
_REFUSALS = {
    UploadPurpose.COMPLETION_PHOTO: "只有党员可以上传完成照片",
    UploadPurpose.VENUE_PHOTO: "只有社区工作人员可以上传场所照片",
}


@use_case
def store_image(actor: User, data: bytes, purpose: str) -> Upload:
    """An image of `purpose` uploaded by `actor`: 403 when the purpose is not theirs, 422
    when `data` is not a JPEG, PNG or WebP image within the limits."""
    wanted = _purpose(purpose)
    roles = UPLOADERS[wanted]
    if roles is not None and not actor.has_any_role(roles):
        raise Forbidden(_REFUSALS[wanted])
    config = current_app.config
    if len(data) > config["MAX_UPLOAD_BYTES"]:
        megabytes = config["MAX_UPLOAD_BYTES"] // (1024 * 1024)
        raise ValidationError(f"图片不能超过 {megabytes} MB", details={"file": ["图片过大"]})
    image = images.process(
        data, max_pixels=config["MAX_IMAGE_PIXELS"], thumbnail_size=config["THUMBNAIL_SIZE"]
    )
    key, thumbnail_key = new_keys(image.extension)
    upload = Upload(
        owner_id=actor.id,
        purpose=wanted,
        storage_key=key,
        thumbnail_key=thumbnail_key,
        content_type=image.content_type,
        bytes=len(image.image.data),
        width=image.image.width,
        height=image.image.height,
    )
    _store_files(image, key, thumbnail_key)
    db.session.add(upload)
    try:
        db.session.flush()
    except BaseException:
        _forget_files(key, thumbnail_key)  # the row was refused: no file without its row
        raise
    return upload


def _purpose(value: str) -> UploadPurpose:
    try:
        return UploadPurpose(value)
    except ValueError:
        raise ValidationError(details={"purpose": ["无效的用途"]}) from None


def _store_files(image: images.Processed, key: str, thumbnail_key: str) -> None:
    backend = storage()
    backend.put(key, image.image.data, image.content_type)
    try:
        backend.put(thumbnail_key, image.thumbnail.data, image.content_type)
    except BaseException:
        backend.delete(key)
        raise


def _forget_files(*keys: str) -> None:
    backend = storage()
    for key in keys:
        backend.delete(key)
