"""意见建议 input and output schemas."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from app.pagination import PageArgsSchema, page_schema
from app.suggestions.labels import SUGGESTION_STATUS
from app.suggestions.models import SuggestionStatus
from app.validation import photo_list, record_id, text


class SuggestionCreateSchema(ma.Schema):
    community_id = record_id(required=True)
    text = text(1000, multiline=True, required=True, metadata={"description": "意见建议内容"})
    photos = photo_list(load_default=list)


class AnswerSchema(ma.Schema):
    answer = text(1000, multiline=True, required=True, metadata={"description": "答复内容"})


class SuggestionListArgsSchema(PageArgsSchema):
    status = fields.String(validate=validate.OneOf([s.value for s in SuggestionStatus]))


class SuggestionSchema(ma.Schema):
    id = fields.Integer()
    community_id = fields.Integer()
    author_id = fields.Integer()
    text = fields.String()
    photos = fields.List(fields.String())
    status = fields.String(metadata={"description": "pending 待答复 / answered 已答复"})
    status_label = fields.Function(lambda s: SUGGESTION_STATUS.get(s.status, ""))
    answer = fields.String(allow_none=True)
    answered_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()


SuggestionPageSchema = page_schema(SuggestionSchema, "SuggestionPage")
