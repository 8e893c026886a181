"""The console's photo uploads: a venue's photos, for the forms that show the photo field
(templates/console/photo_field.html, static/photo_field.js). The page's script posts each
chosen image here with the CSRF token and keeps the answer's addresses in the form."""

from __future__ import annotations

from flask import jsonify, request

from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.envelope import envelope
from app.errors import DomainError, ValidationError
from app.limits import console_upload_limit
from app.requests import body_limit
from app.uploads import services
from app.uploads.models import UploadPurpose
from app.uploads.schemas import urls_of


@bp.post("/uploads")
@staff_required
@console_upload_limit
@body_limit("MAX_UPLOAD_BYTES")
def upload_photo():
    """201 {"url", "thumbnail_url"} of a stored venue photo; a refusal in the API's envelope,
    which the page's script shows."""
    try:
        file = request.files.get("file")
        if file is None:
            raise ValidationError("请选择要上传的图片", details={"file": ["请选择要上传的图片"]})
        upload = services.store_image(current_staff(), file.read(), UploadPurpose.VENUE_PHOTO)
    except DomainError as error:
        return jsonify(envelope(error.code, error.message, error.details)), error.status
    return jsonify(urls_of(upload)), 201
