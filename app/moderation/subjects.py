"""The texts that are checked: where each is stored, the field it comes in, and the scene
WeChat is told. A new kind of text (微心愿, 反馈卡) adds a `Subject` here.

Subjects name their table and column rather than import their model, so that the domains
that own the texts can use this package without an import cycle."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum


class Scene(IntEnum):
    """msg_sec_check's `scene`."""

    PROFILE = 1  # 资料
    COMMENT = 2  # 评论
    FORUM = 3  # 论坛
    SOCIAL_LOG = 4  # 社交日志


class SubjectKind(StrEnum):
    ORDER_DESCRIPTION = "order_description"
    ORDER_COMMENT = "order_comment"
    SUGGESTION_TEXT = "suggestion_text"
    VISIT_NOTE = "visit_note"


@dataclass(frozen=True)
class Subject:
    kind: SubjectKind
    field: str  # the input field, the key of a refusal's details
    scene: Scene
    table: str
    column: str


# A request for help is read by the community's members, as a post in a forum would be.
ORDER_DESCRIPTION = Subject(
    SubjectKind.ORDER_DESCRIPTION, "description", Scene.FORUM, "orders", "description"
)
ORDER_COMMENT = Subject(SubjectKind.ORDER_COMMENT, "comment", Scene.COMMENT, "orders", "comment")

# A wish's text is its order's description (ORDER_DESCRIPTION).
SUGGESTION_TEXT = Subject(SubjectKind.SUGGESTION_TEXT, "text", Scene.FORUM, "suggestions", "text")
VISIT_NOTE = Subject(SubjectKind.VISIT_NOTE, "note", Scene.SOCIAL_LOG, "pairing_visits", "note")

SUBJECTS = {
    subject.kind: subject
    for subject in (ORDER_DESCRIPTION, ORDER_COMMENT, SUGGESTION_TEXT, VISIT_NOTE)
}

# What a hidden text reads as, wherever it was shown.
HIDDEN_TEXT = "（该内容经审核已隐藏）"
