"""The resident's own member registration (报到) and the member's points ledger."""

from app.accounts.models import Role
from app.api import errors
from app.members import queries, services
from app.members.schemas import RegistrationInSchema, RegistrationSchema
from app.pagination import PageArgsSchema
from app.points import queries as points
from app.points.schemas import LedgerSchema, StatementArgsSchema, StatementSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("members", __name__, description="党员报到与先锋积分")


@blp.post("/member/registration")
@errors(409)
@auth_required(Role.RESIDENT)
@blp.arguments(RegistrationInSchema)
@blp.response(201, RegistrationSchema)
def submit_registration(data):
    """提交报到申请（被驳回后可修改再次提交）"""
    return services.register(current_user(), data)


@blp.get("/member/registration")
@errors(404)
@auth_required(Role.RESIDENT, Role.MEMBER)
@blp.response(200, RegistrationSchema)
def my_registration():
    """我的报到申请"""
    return queries.own_registration(current_user())


@blp.get("/member/points")
@auth_required(Role.MEMBER)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, LedgerSchema)
def my_points(args):
    """我的积分余额与明细（新的在前）"""
    return points.ledger(current_user(), **args)


@blp.get("/member/points/statement")
@auth_required(Role.MEMBER)
@blp.arguments(StatementArgsSchema, location="query")
@blp.response(200, StatementSchema)
def my_statement(args):
    """我的年度积分对账单（北京时间自然年）：年初余额、获得、扣减、年末余额与当年明细"""
    return points.statement(current_user(), args["year"])
