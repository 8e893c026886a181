"""Input and output of content review (内容审核) for staff."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.moderation.models import ReviewStatus
from app.moderation.subjects import SubjectKind
from app.pagination import PageArgsSchema, page_schema
from app.validation import text_id


class ReviewSchema(ma.Schema):
    id = ma.fields.Integer()
    community_id = ma.fields.Integer()
    subject_kind = ma.fields.String(
        metadata={"description": " / ".join(kind.value for kind in SubjectKind)}
    )
    subject_id = ma.fields.Integer(metadata={"description": "如 order_* 时为工单 id"})
    text = ma.fields.String(
        metadata={"description": "提交时的原文（隐藏后仍保留，仅工作人员可见）"}
    )
    reason = ma.fields.String(
        metadata={"description": "review 微信建议人工审核 / unchecked 未能送检"}
    )
    status = ma.fields.String(
        metadata={"description": "pending 待审核 / cleared 已通过 / hidden 已隐藏"}
    )
    decided_by_id = ma.fields.Integer(allow_none=True)
    decided_at = ma.fields.DateTime(allow_none=True)
    created_at = ma.fields.DateTime()


ReviewPageSchema = page_schema(ReviewSchema, "ContentReviewPage")


class ReviewListArgsSchema(PageArgsSchema):
    status = ma.fields.String(
        load_default=ReviewStatus.PENDING.value,
        validate=validate.OneOf([s.value for s in ReviewStatus]),
    )
    community_id = text_id()
