"""The Chinese names of the 1+X commitments' words."""

from __future__ import annotations

from app.commitments.models import CommitmentKind

KIND_LABELS = {
    CommitmentKind.ACTIVITY: "参加一次组织活动",
    CommitmentKind.PAIRING: "结对一户居民",
    CommitmentKind.VOLUNTEER: "开展一次志愿服务",
    CommitmentKind.WISH: "点亮一个微心愿",
    CommitmentKind.SUGGESTION: "提出一条意见建议",
    CommitmentKind.CUSTOM: "社区自定项目",
}
