"""The upload form and the answer: the stored image's addresses and size."""

from __future__ import annotations

import marshmallow as ma
from flask_smorest.fields import Upload as FileField
from werkzeug.datastructures import FileStorage

from app.uploads.labels import PURPOSE_LABELS
from app.uploads.models import Upload, UploadPurpose
from app.uploads.storage import storage

PURPOSE_CHOICES = "、".join(f"{p.value} {label}" for p, label in PURPOSE_LABELS.items())


class ImageFile(FileField):
    """A file part of a multipart body (a text part of the same name is refused)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, FileStorage):
            raise ma.ValidationError("请选择要上传的图片文件")
        return value


class UploadFormSchema(ma.Schema):
    file = ImageFile(
        required=True,
        metadata={"description": "JPEG、PNG 或 WebP 图片；以内容识别格式，与文件名无关"},
    )
    purpose = ma.fields.String(
        required=True,
        validate=ma.validate.OneOf([p.value for p in UploadPurpose], error="无效的用途"),
        metadata={"description": f"用途：{PURPOSE_CHOICES}"},
    )


def _url(key: str) -> str:
    return storage().url(key)


class UploadSchema(ma.Schema):
    id = ma.fields.Integer()
    url = ma.fields.Function(
        lambda u: _url(u.storage_key),
        metadata={"description": "图片地址，可填入工单 photos 与场所照片"},
    )
    thumbnail_url = ma.fields.Function(
        lambda u: _url(u.thumbnail_key), metadata={"description": "缩略图地址（长边至多 480 像素）"}
    )
    content_type = ma.fields.String(metadata={"description": "image/jpeg、image/png 或 image/webp"})
    width = ma.fields.Integer(metadata={"description": "宽（像素，已按拍摄方向转正）"})
    height = ma.fields.Integer(metadata={"description": "高（像素）"})
    bytes = ma.fields.Integer(metadata={"description": "存储的图片大小（字节，已去除元数据）"})


def urls_of(upload: Upload) -> dict[str, str]:
    """The two addresses, for the console's answer."""
    return {"url": _url(upload.storage_key), "thumbnail_url": _url(upload.thumbnail_key)}
