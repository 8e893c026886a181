"""The caller's inbox and subscribe-message quotas (订阅消息)."""

from flask import current_app

from app.api import errors
from app.notifications import queries, services
from app.notifications.schemas import (
    MessagePageSchema,
    MessageSchema,
    QuotaSchema,
    SubscriptionsInSchema,
    SubscriptionsSchema,
)
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("messages", __name__, description="消息与订阅")


@blp.get("/me/subscriptions")
@auth_required()
@blp.response(200, SubscriptionsSchema)
def my_subscriptions():
    """可订阅的模板（事件名到模板 id）与本人的剩余次数"""
    templates = current_app.config["WECHAT_TEMPLATE_IDS"]
    return {"templates": templates, "quota": queries.quotas_of(current_user().id)}


@blp.post("/me/subscriptions")
@auth_required()
@blp.arguments(SubscriptionsInSchema)
@blp.response(200, QuotaSchema)
def subscribe(data):
    """登记用户同意的订阅消息：每个模板 id 增加一次发送机会"""
    return {"quota": services.subscribe(current_user(), data["template_ids"])}


@blp.get("/my/messages")
@auth_required()
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, MessagePageSchema)
def my_messages(args):
    """我的消息（新的在前）：通知与红喇叭"""
    return queries.inbox(current_user(), **args)


@blp.post("/my/messages/<int:message_id>/read")
@errors(404)
@auth_required()
@blp.response(200, MessageSchema)
def read_message(message_id):
    """标为已读"""
    return services.mark_read(current_user(), message_id)
