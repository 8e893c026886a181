"""Staff review of residents' texts marked by the content check (内容审核)."""

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.moderation import queries, services
from app.moderation.schemas import ReviewListArgsSchema, ReviewPageSchema, ReviewSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("staff_content_reviews", __name__, description="社区审核被标记的内容")


@blp.get("/staff/content-reviews")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(ReviewListArgsSchema, location="query")
@blp.response(200, ReviewPageSchema)
def list_reviews(args):
    """本社区待审核（或按 status 筛选）的内容；待审核的按提交先后"""
    return queries.list_reviews(current_user(), **args)


@blp.post("/staff/content-reviews/<int:review_id>/clear")
@errors(409)
@auth_required(*STAFF_ROLES)
@blp.response(200, ReviewSchema)
def clear_review(review_id):
    """通过：内容照常显示"""
    return services.clear(current_user(), review_id)


@blp.post("/staff/content-reviews/<int:review_id>/hide")
@errors(409)
@auth_required(*STAFF_ROLES)
@blp.response(200, ReviewSchema)
def hide_review(review_id):
    """隐藏：原处显示“（该内容经审核已隐藏）”，原文仅工作人员可见"""
    return services.hide(current_user(), review_id)
