"""The console's notification forms: writing an announcement, and the query strings of the
announcements, the outbox and the inbox."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.console.forms.members import ScopeArgsSchema
from app.notifications.models import Audience, DeliveryStatus
from app.pagination import PageArgsSchema
from app.validation import text, text_id


class AnnouncementFormSchema(ma.Schema):
    title = text(20, required=True, error_messages={"required": "请填写标题"})
    body = text(2000, multiline=True, required=True, error_messages={"required": "请填写内容"})
    audience = ma.fields.String(
        required=True,
        validate=validate.OneOf([a.value for a in Audience], error="请选择发送对象"),
        error_messages={"required": "请选择发送对象"},
    )
    community_id = text_id(required=True, error_messages={"required": "请选择社区"})


AnnouncementArgsSchema = ScopeArgsSchema


class OutboxArgsSchema(PageArgsSchema):
    class Meta:
        unknown = ma.EXCLUDE

    status = ma.fields.String(
        validate=validate.OneOf([s.value for s in DeliveryStatus], error="无效的发送状态")
    )


class InboxArgsSchema(PageArgsSchema):
    class Meta:
        unknown = ma.EXCLUDE
