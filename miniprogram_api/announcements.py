"""红喇叭 for staff: write to a community's residents, members or everyone, and see each
announcement's reach."""

from __future__ import annotations

from functools import wraps

from flask import request

from app.accounts.models import STAFF_ROLES
from app.announcements import queries, services
from app.api import errors
from app.auth.permissions import require_managed_community
from app.notifications.schemas import (
    AnnouncementCreatedSchema,
    AnnouncementInSchema,
    AnnouncementListArgsSchema,
    AnnouncementPageSchema,
)
from app.validation import MAX_ID
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("announcements", __name__, description="红喇叭（社区通知）")


def community_in_reach(view):
    """A well-formed `community_id` outside the caller's communities is 404 before the rest
    of the body is read, as the contract puts NOT_FOUND before VALIDATION_ERROR."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        body = request.get_json(silent=True)
        value = body.get("community_id") if isinstance(body, dict) else None
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID:
            require_managed_community(current_user(), value)
        return view(*args, **kwargs)

    return wrapped


@blp.post("/staff/announcements")
@errors(404)
@auth_required(*STAFF_ROLES)
@community_in_reach
@blp.arguments(AnnouncementInSchema)
@blp.response(201, AnnouncementCreatedSchema)
def announce(data):
    """发布红喇叭：发给本社区的居民（residents）、党员（members）或全体（all）"""
    return services.announce(current_user(), data)


@blp.get("/staff/announcements")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(AnnouncementListArgsSchema, location="query")
@blp.response(200, AnnouncementPageSchema)
def list_announcements(args):
    """本社区的红喇叭（新的在前），各自的触达：收件人数、已发出订阅消息数、已读人数"""
    return queries.announcements(current_user(), **args)
