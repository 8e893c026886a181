"""Input and output of the inbox, the subscriptions and 红喇叭."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.notifications.models import Audience
from app.pagination import PageArgsSchema, page_schema
from app.validation import record_id, text, text_id


class SubscriptionsInSchema(ma.Schema):
    template_ids = ma.fields.List(
        ma.fields.String(validate=validate.Length(min=1, max=64)),
        required=True,
        validate=validate.Length(min=1, max=10, error="一次提交 1 到 10 个模板"),
        metadata={"description": "用户在 wx.requestSubscribeMessage 中同意的模板 id"},
    )


class QuotaSchema(ma.Schema):
    quota = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.Integer(),
        metadata={"description": "每个模板还可发送的次数"},
    )


class SubscriptionsSchema(QuotaSchema):
    templates = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.String(),
        metadata={"description": "事件名到模板 id（请求订阅时使用）"},
    )


class MessageSchema(ma.Schema):
    id = ma.fields.Integer()
    event = ma.fields.String(metadata={"description": "order_dispatched、announcement 等"})
    title = ma.fields.String()
    body = ma.fields.String()
    page = ma.fields.String(allow_none=True, metadata={"description": "小程序中打开的页面"})
    at = ma.fields.DateTime(attribute="created_at")
    read = ma.fields.Function(lambda message: message.read_at is not None)


MessagePageSchema = page_schema(MessageSchema, "MessagePage")


class AnnouncementInSchema(ma.Schema):
    title = text(20, required=True)
    body = text(2000, multiline=True, required=True)
    audience = ma.fields.String(
        required=True,
        validate=validate.OneOf(
            [a.value for a in Audience], error="只能是 residents、members 或 all"
        ),
    )
    community_id = record_id(required=True)


class AnnouncementCreatedSchema(ma.Schema):
    id = ma.fields.Integer()
    recipients = ma.fields.Integer()


class AnnouncementSchema(AnnouncementCreatedSchema):
    community_id = ma.fields.Integer()
    title = ma.fields.String()
    body = ma.fields.String()
    audience = ma.fields.String()
    created_at = ma.fields.DateTime()
    sent = ma.fields.Integer(metadata={"description": "已发出的订阅消息数"})
    read = ma.fields.Integer(metadata={"description": "已读人数"})


AnnouncementPageSchema = page_schema(AnnouncementSchema, "AnnouncementPage")


class AnnouncementListArgsSchema(PageArgsSchema):
    community_id = text_id(metadata={"description": "只看其中一个社区（默认：所管理的全部社区）"})
