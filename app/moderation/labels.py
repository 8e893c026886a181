"""Chinese names of content review's words."""

from app.moderation.models import ReviewReason, ReviewStatus
from app.moderation.subjects import SubjectKind

REVIEW_STATUS_LABELS = {
    ReviewStatus.PENDING: "待审核",
    ReviewStatus.CLEARED: "已通过",
    ReviewStatus.HIDDEN: "已隐藏",
}

REVIEW_REASON_LABELS = {
    ReviewReason.REVIEW: "微信建议人工审核",
    ReviewReason.UNCHECKED: "未能送检（微信服务异常）",
}

SUBJECT_KIND_LABELS = {
    SubjectKind.ORDER_DESCRIPTION: "工单描述",
    SubjectKind.ORDER_COMMENT: "评价留言",
    SubjectKind.SUGGESTION_TEXT: "意见建议",
    SubjectKind.VISIT_NOTE: "结对走访记录",
}
