"""The 内容审核 page's query string: the status tab, the community filter and the page."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.console.forms.members import ScopeArgsSchema
from app.moderation.models import ReviewStatus


class ReviewQueueArgsSchema(ScopeArgsSchema):
    status = ma.fields.String(
        load_default=ReviewStatus.PENDING.value,
        validate=validate.OneOf([s.value for s in ReviewStatus]),
    )
