"""Reading an uploaded image by its content and writing it again without its metadata.

Only JPEG, PNG and WebP are opened (Pillow is told so: neither the file's name nor the
client's content type is ever asked). An image is refused before it is decoded when its
header declares more than MAX_IMAGE_PIXELS pixels (a decompression bomb: a few kilobytes that
would take gigabytes of memory), and refused when it cannot be decoded to its end (truncated,
or not an image at all). What is kept is the picture turned as the camera's EXIF orientation
says, encoded again from its pixels: EXIF (GPS included), XMP, comments and text chunks are
not carried over. A colour profile is applied (the pixels become sRGB) and then dropped."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageCms, ImageOps

from app.errors import ValidationError

# Pillow's name of each accepted format: (content type, file extension, encoder options).
FORMATS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "JPEG": ("image/jpeg", "jpg", {"quality": 85, "optimize": True}),
    "PNG": ("image/png", "png", {"optimize": True}),
    "WEBP": ("image/webp", "webp", {"quality": 85, "method": 4}),
}
# The modes each format is written in; any other mode is converted first.
_MODES = {"JPEG": {"RGB", "L"}, "PNG": {"RGB", "RGBA", "L", "LA"}, "WEBP": {"RGB", "RGBA"}}
_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Encoded:
    data: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Processed:
    image: Encoded
    thumbnail: Encoded
    content_type: str
    extension: str


def process(data: bytes, *, max_pixels: int, thumbnail_size: int) -> Processed:
    """The image in `data` and its thumbnail (its long side at most `thumbnail_size`), both
    encoded in the image's own format; ValidationError for anything else."""
    picture, kind = _decoded(data, max_pixels)
    content_type, extension, _ = FORMATS[kind]
    picture = _in_srgb(picture)
    thumbnail = picture.copy()
    thumbnail.thumbnail((thumbnail_size, thumbnail_size), Image.Resampling.LANCZOS)
    return Processed(_encode(picture, kind), _encode(thumbnail, kind), content_type, extension)


def _decoded(data: bytes, max_pixels: int) -> tuple[Image.Image, str]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture: Image.Image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            kind = picture.format or ""
            if picture.width * picture.height > max_pixels:
                raise _too_many_pixels(max_pixels)
            picture.load()  # decodes it all: a truncated file fails here
            icc = picture.info.get("icc_profile")
            picture = ImageOps.exif_transpose(picture)
            picture.info = {"icc_profile": icc} if icc else {}
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels(max_pixels) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        # UnidentifiedImageError (not one of the formats) is an OSError, as "truncated" is.
        raise ValidationError(
            "只能上传完整的 JPEG、PNG 或 WebP 图片", details={"file": ["无法识别的图片"]}
        ) from exc
    return picture, kind


def _too_many_pixels(max_pixels: int) -> ValidationError:
    megapixels = max_pixels // 1_000_000
    return ValidationError(
        f"图片像素过多（最多 {megapixels} 百万像素）", details={"file": ["图片像素过多"]}
    )


def _in_srgb(picture: Image.Image) -> Image.Image:
    icc = picture.info.get("icc_profile")
    if icc and picture.mode in {"RGB", "RGBA"}:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(picture, source, _SRGB, outputMode=picture.mode)
        except ImageCms.PyCMSError:
            return picture  # a broken profile: the pixels are kept as they are
        if converted is not None:
            return converted
    return picture


def _encode(picture: Image.Image, kind: str) -> Encoded:
    if picture.mode not in _MODES[kind]:
        has_alpha = "A" in picture.getbands() or "transparency" in picture.info
        wanted = "RGBA" if has_alpha and "RGBA" in _MODES[kind] else "RGB"
        picture = picture.convert(wanted)
    # Pillow writes some of `info` into the file unless told otherwise (a JPEG's comment, a
    # PNG's colour profile): nothing of it is left.
    picture.info = {}
    out = io.BytesIO()
    picture.save(out, format=kind, **FORMATS[kind][2])
    return Encoded(out.getvalue(), picture.width, picture.height)
