"""The 1+X commitments (承诺): a member picks the year's from the menu and sees progress
counted from what they did; staff keep their community's own items and mark them done."""

from functools import wraps

from app.accounts.models import STAFF_ROLES, Role
from app.api import errors
from app.clock import beijing_today, utcnow
from app.commitments import queries, services
from app.commitments.schemas import (
    ChoiceArgsSchema,
    ChoiceInSchema,
    CommitmentPageSchema,
    CommitmentSchema,
    ItemActiveSchema,
    ItemInSchema,
    ItemListArgsSchema,
    ItemPageSchema,
    ItemSchema,
    MarkInSchema,
    MenuSchema,
    ProgressArgsSchema,
    ProgressPageSchema,
    YearArgsSchema,
)
from app.commitments.table import progress_table
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("commitments", __name__, description="“1+X”承诺：党员认领与完成情况")


def _year(args: dict) -> int:
    return args.get("year") or beijing_today(utcnow()).year


def commitment_in_reach(view):
    """404 for a commitment outside the caller's communities, before the body is read."""

    @wraps(view)
    def wrapped(*args, commitment_id, **kwargs):
        queries.managed_commitment(current_user(), commitment_id)
        return view(*args, commitment_id=commitment_id, **kwargs)

    return wrapped


@blp.get("/member/commitments/menu")
@errors(404)
@auth_required(Role.MEMBER)
@blp.response(200, MenuSchema)
def menu():
    """本社区的“1+X”承诺清单：五项标准项目与社区自定项目（一页即全部）"""
    return queries.menu(current_user())


@blp.get("/member/commitments")
@errors(404)
@auth_required(Role.MEMBER)
@blp.arguments(YearArgsSchema, location="query")
@blp.response(200, CommitmentPageSchema)
def my_commitments(args):
    """我某年的承诺与完成情况：target 目标次数、done 已完成（按实际行动计数）、kept 是否兑现"""
    return queries.own_commitments(current_user(), _year(args), args["limit"], args.get("cursor"))


@blp.put("/member/commitments")
@errors(404, 409)
@auth_required(Role.MEMBER)
@blp.arguments(ChoiceArgsSchema, location="query")
@blp.arguments(ChoiceInSchema)
@blp.response(200, CommitmentPageSchema)
def choose(args, data):
    """认领某年（今年或明年）的承诺：以所列项目为准，“参加一次组织活动”总会加入"""
    return services.choose(current_user(), _year(args), data["kinds"], data["item_ids"])


@blp.get("/staff/commitment-items")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(ItemListArgsSchema, location="query")
@blp.response(200, ItemPageSchema)
def items(args):
    """社区自定的承诺项目（含已下架的）"""
    return queries.community_items(current_user(), **args)


@blp.post("/staff/commitment-items")
@errors(404, 409)
@auth_required(*STAFF_ROLES)
@blp.arguments(ItemInSchema)
@blp.response(201, ItemSchema)
def create_item(data):
    """为本社区的承诺清单新增项目（同一社区名称不能重复）"""
    return services.create_item(current_user(), data)


@blp.post("/staff/commitment-items/<int:item_id>/active")
@auth_required(*STAFF_ROLES)
@blp.arguments(ItemActiveSchema)
@blp.response(200, ItemSchema)
def set_item_active(data, item_id):
    """下架或重新上架自定项目（已认领的承诺不受影响）"""
    return services.set_item_active(current_user(), item_id, data["active"])


@blp.post("/staff/commitments/<int:commitment_id>/marks")
@errors(409)
@auth_required(*STAFF_ROLES)
@commitment_in_reach
@blp.arguments(MarkInSchema)
@blp.response(201, CommitmentSchema)
def mark(data, commitment_id):
    """记录党员完成一次社区自定项目（标准项目按实际行动自动计数，不能手工记录）"""
    return services.mark(current_user(), commitment_id, data["note"])


@blp.get("/staff/commitments")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(ProgressArgsSchema, location="query")
@blp.response(200, ProgressPageSchema)
def progress(args):
    """本社区党员某年的“1+X”完成情况（每行一名党员及其全部承诺）"""
    return progress_table(
        current_user(), _year(args), args["limit"], args.get("cursor"), args.get("community_id")
    )
