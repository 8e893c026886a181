"""Staff review of member registrations (报到审核), scoped to their communities."""

from functools import wraps

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.members import queries, services
from app.members.schemas import (
    RegistrationListArgsSchema,
    RegistrationPageSchema,
    RegistrationRejectSchema,
    RegistrationSchema,
)
from app.points import adjust
from app.points.schemas import AdjustmentInSchema, AdjustmentSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("staff_members", __name__, description="社区审核党员报到")


def registration_in_reach(view):
    """404 for a registration outside the caller's communities before the body is read,
    so that NOT_FOUND wins over VALIDATION_ERROR as the contract orders them."""

    @wraps(view)
    def wrapped(*args, registration_id, **kwargs):
        queries.get_registration(current_user(), registration_id)
        return view(*args, registration_id=registration_id, **kwargs)

    return wrapped


def member_in_reach(view):
    """404 for a user who is no member of the caller's communities, before the body is read."""

    @wraps(view)
    def wrapped(*args, user_id, **kwargs):
        adjust.require_member(current_user(), user_id)
        return view(*args, user_id=user_id, **kwargs)

    return wrapped


@blp.get("/staff/members")
@auth_required(*STAFF_ROLES)
@blp.arguments(RegistrationListArgsSchema, location="query")
@blp.response(200, RegistrationPageSchema)
def list_registrations(args):
    """本社区的报到申请（可按 status 筛选，新的在前）"""
    return queries.list_registrations(current_user(), **args)


@blp.get("/staff/members/<int:registration_id>")
@auth_required(*STAFF_ROLES)
@blp.response(200, RegistrationSchema)
def get_registration(registration_id):
    """一条报到申请"""
    return queries.get_registration(current_user(), registration_id)


@blp.post("/staff/members/<int:registration_id>/approve")
@errors(409)
@auth_required(*STAFF_ROLES)
@blp.response(200, RegistrationSchema)
def approve_registration(registration_id):
    """通过报到申请：该用户成为本社区党员"""
    return services.approve(current_user(), registration_id)


@blp.post("/staff/members/<int:registration_id>/reject")
@errors(409)
@auth_required(*STAFF_ROLES)
@registration_in_reach
@blp.arguments(RegistrationRejectSchema)
@blp.response(200, RegistrationSchema)
def reject_registration(data, registration_id):
    """驳回报到申请（须填写理由）"""
    return services.reject(current_user(), registration_id, data["reason"])


@blp.post("/staff/members/<int:user_id>/points")
@errors(404, 409)
@auth_required(*STAFF_ROLES)
@member_in_reach
@blp.arguments(AdjustmentInSchema)
@blp.response(201, AdjustmentSchema)
def adjust_points(data, user_id):
    """人工调整党员积分（须填写原因，记录操作人与时间）"""
    return adjust.adjust(current_user(), user_id, data["delta"], data["reason"])
