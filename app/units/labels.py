"""The Chinese names of the units' words."""

from __future__ import annotations

from app.units.models import UnitKind

UNIT_KIND_LABELS: dict[str, str] = {
    UnitKind.ORGAN: "机关",
    UnitKind.ENTERPRISE: "企事业单位",
    UnitKind.NEW_ORGANISATION: "两新组织",
}
