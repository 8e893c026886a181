"""Co-building units (共驻共建单位): a community's paired units for the registration form, and
staff keeping the units of their communities, their accounts and their members' binding."""

from functools import wraps

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.members import services as members
from app.members.schemas import RegistrationSchema
from app.units import queries, services
from app.units.schemas import (
    CommunityUnitsArgsSchema,
    ManagedUnitsArgsSchema,
    MemberUnitInSchema,
    UnitAccountInSchema,
    UnitAccountSchema,
    UnitInSchema,
    UnitPageSchema,
    UnitPublicPageSchema,
    UnitSchema,
)
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user
from miniprogram_api.staff_members import registration_in_reach

blp = Blueprint("units", __name__, description="共驻共建单位（5+1 结对共建）")


def unit_in_reach(view):
    """404 for a unit paired with none of the caller's communities, before the body is read."""

    @wraps(view)
    def wrapped(*args, unit_id, **kwargs):
        queries.managed_unit(current_user(), unit_id)
        return view(*args, unit_id=unit_id, **kwargs)

    return wrapped


@blp.get("/units")
@errors(404)
@auth_required()
@blp.arguments(CommunityUnitsArgsSchema, location="query")
@blp.response(200, UnitPublicPageSchema)
def community_units(args):
    """社区的结对共建单位（报到时选择工作单位）"""
    return queries.community_units(args["community_id"], args["limit"], args.get("cursor"))


@blp.get("/staff/units")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(ManagedUnitsArgsSchema, location="query")
@blp.response(200, UnitPageSchema)
def managed_units(args):
    """本社区（街道管理员：本街道）结对的共建单位"""
    return queries.managed_units(current_user(), **args)


@blp.post("/staff/units")
@errors(404, 409)
@auth_required(*STAFF_ROLES)
@blp.arguments(UnitInSchema)
@blp.response(201, UnitSchema)
def create_unit(data):
    """新增共建单位并与本社区结对（单位名称不能重复）"""
    return services.create_unit(current_user(), data)


@blp.get("/staff/units/<int:unit_id>")
@auth_required(*STAFF_ROLES)
@blp.response(200, UnitSchema)
def get_unit(unit_id):
    """一个共建单位"""
    return queries.managed_unit(current_user(), unit_id)


@blp.put("/staff/units/<int:unit_id>")
@errors(409)
@auth_required(*STAFF_ROLES)
@unit_in_reach
@blp.arguments(UnitInSchema)
@blp.response(200, UnitSchema)
def update_unit(data, unit_id):
    """修改共建单位；与您管理的社区的结对以 community_ids 为准，其他社区的结对不变"""
    return services.update_unit(current_user(), unit_id, data)


@blp.post("/staff/units/<int:unit_id>/accounts")
@errors(409)
@auth_required(*STAFF_ROLES)
@unit_in_reach
@blp.arguments(UnitAccountInSchema)
@blp.response(201, UnitAccountSchema)
def create_account(data, unit_id):
    """为共建单位开设账号（用户名密码登录，只能查看本单位党员）"""
    return services.create_account(current_user(), unit_id, data["username"], data["password"])


@blp.put("/staff/members/<int:registration_id>/unit")
@auth_required(*STAFF_ROLES)
@registration_in_reach
@blp.arguments(MemberUnitInSchema)
@blp.response(200, RegistrationSchema)
def bind_unit(data, registration_id):
    """把党员（报到申请）绑定到与其社区结对的共建单位；unit_id 为 null 时解除绑定"""
    return members.bind_unit(current_user(), registration_id, data["unit_id"])
