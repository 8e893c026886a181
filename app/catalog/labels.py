"""The Chinese names of the catalog's words."""

from __future__ import annotations

from app.catalog.models import CategoryKind

KIND_LABELS = {
    CategoryKind.PUBLIC: "公共服务",
    CategoryKind.SOCIAL: "社会服务",
    CategoryKind.VOLUNTEER: "志愿服务",
}
