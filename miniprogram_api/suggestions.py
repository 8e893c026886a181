"""意见建议: residents and members make suggestions to a community; its staff answer them."""

from __future__ import annotations

from functools import wraps

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.moderation.screening import screen
from app.moderation.subjects import SUGGESTION_TEXT
from app.pagination import PageArgsSchema
from app.suggestions import queries, services
from app.suggestions.schemas import (
    AnswerSchema,
    SuggestionCreateSchema,
    SuggestionListArgsSchema,
    SuggestionPageSchema,
    SuggestionSchema,
)
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("suggestions", __name__, description="意见建议")


@blp.post("/suggestions")
@errors(404)
@auth_required()
@blp.arguments(SuggestionCreateSchema)
@blp.response(201, SuggestionSchema)
def make_suggestion(data):
    """提出意见建议（居民、党员），可附照片；内容经微信内容安全检测"""
    actor = current_user()
    screening = screen(actor, data["text"], SUGGESTION_TEXT)
    return services.make_suggestion(actor, data, screening)


@blp.get("/my/suggestions")
@auth_required()
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, SuggestionPageSchema)
def my_suggestions(args):
    """我提出的意见建议及社区的答复，最新的在前"""
    return queries.my_suggestions(current_user(), args["limit"], args.get("cursor"))


@blp.get("/staff/suggestions")
@auth_required(*STAFF_ROLES)
@blp.arguments(SuggestionListArgsSchema, location="query")
@blp.response(200, SuggestionPageSchema)
def staff_suggestions(args):
    """本社区的意见建议，可按状态（pending / answered）筛选"""
    return queries.staff_suggestions(
        current_user(), args["limit"], args.get("cursor"), args.get("status")
    )


def suggestion_in_reach(view):
    """404 for a suggestion outside the caller's communities before the body is read."""

    @wraps(view)
    def wrapped(*args, suggestion_id: int, **kwargs):
        queries.suggestion_in_reach(current_user(), suggestion_id)
        return view(*args, suggestion_id=suggestion_id, **kwargs)

    return wrapped


@blp.post("/staff/suggestions/<int:suggestion_id>/answer")
@errors(409)
@auth_required(*STAFF_ROLES)
@suggestion_in_reach
@blp.arguments(AnswerSchema)
@blp.response(200, SuggestionSchema)
def answer(data, suggestion_id):
    """答复意见建议（一次），并通知提出人"""
    return services.answer(suggestion_id, current_user(), data["answer"])
