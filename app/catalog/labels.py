"""The Chinese names of the catalog's words."""

from __future__ import annotations

from app.catalog.models import CategoryKind

# Looked up by the plain str that Category.kind holds.
KIND_LABELS: dict[str, str] = {
    CategoryKind.PUBLIC: "公共服务",
    CategoryKind.SOCIAL: "社会服务",
    CategoryKind.VOLUNTEER: "志愿服务",
}
