"""The Chinese names of the teams' words."""

from __future__ import annotations

from app.teams.models import TeamKind as K

KIND_LABELS: dict[str, str] = {
    K.PLUMBING: "水电维修",
    K.PATROL: "治安巡逻",
    K.HEALTH: "医疗保健",
    K.LEGAL: "法律援助",
    K.CULTURE: "文化宣传",
    K.LECTURE: "宣讲队",
    K.MEDIATION: "和事佬",
    K.RED_ARMBAND: "红袖标",
    K.WHITE_ANGEL: "白天使",
    K.HELPING_HAND: "热心帮",
    K.OTHER: "其他",
}
