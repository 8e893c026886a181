"""Form schemas of the 意见建议 and 结对 pages."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.console.forms.members import ScopeArgsSchema
from app.suggestions.models import SuggestionStatus
from app.validation import text


class SuggestionArgsSchema(ScopeArgsSchema):
    status = ma.fields.String(
        validate=validate.OneOf([s.value for s in SuggestionStatus], error="无效的状态")
    )


class AnswerFormSchema(ma.Schema):
    answer = text(1000, multiline=True, required=True, error_messages={"required": "请填写答复"})
