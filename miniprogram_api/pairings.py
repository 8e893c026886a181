"""结对: members pair with households and log their visits; staff pair members and see both."""

from __future__ import annotations

from functools import wraps

from app.accounts.models import STAFF_ROLES, Role
from app.api import errors
from app.moderation.screening import screen
from app.moderation.subjects import VISIT_NOTE
from app.pagination import PageArgsSchema
from app.pairings import queries, services
from app.pairings.schemas import (
    PairingCreateSchema,
    PairingPageSchema,
    PairingSchema,
    StaffPairingCreateSchema,
    VisitCreateSchema,
    VisitPageSchema,
    VisitSchema,
)
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("pairings", __name__, description="结对帮扶")


def _created(pairing):
    """A new pairing as the lists show it."""
    return queries.pairing_row(pairing.id)


@blp.post("/member/pairings")
@errors(404, 409)
@auth_required(Role.MEMBER)
@blp.arguments(PairingCreateSchema)
@blp.response(201, PairingSchema)
def pair(data):
    """与一户居民结对：居民 id，或未使用小程序居民的姓名与电话；同一户只能结对一次"""
    return _created(services.pair(current_user(), data))


@blp.get("/member/pairings")
@auth_required(Role.MEMBER)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, PairingPageSchema)
def my_pairings(args):
    """我的结对户，最新的在前"""
    return queries.member_pairings(current_user(), args["limit"], args.get("cursor"))


def own_pairing(view):
    """404 for a pairing that is not the caller's before the body is read."""

    @wraps(view)
    def wrapped(*args, pairing_id: int, **kwargs):
        queries.pairing_of_member(current_user(), pairing_id)
        return view(*args, pairing_id=pairing_id, **kwargs)

    return wrapped


@blp.post("/member/pairings/<int:pairing_id>/visits")
@auth_required(Role.MEMBER)
@own_pairing
@blp.arguments(VisitCreateSchema)
@blp.response(201, VisitSchema)
def log_visit(data, pairing_id):
    """记录一次走访：日期、情况、照片；情况经微信内容安全检测"""
    actor = current_user()
    screening = screen(actor, data["note"], VISIT_NOTE)
    return services.log_visit(pairing_id, actor, data, screening)


@blp.get("/member/pairings/<int:pairing_id>/visits")
@auth_required(Role.MEMBER)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, VisitPageSchema)
def my_visits(args, pairing_id):
    """结对户的走访记录，最新的在前"""
    return queries.visits(current_user(), pairing_id, args["limit"], args.get("cursor"))


@blp.post("/staff/pairings")
@errors(404, 409)
@auth_required(*STAFF_ROLES)
@blp.arguments(StaffPairingCreateSchema)
@blp.response(201, PairingSchema)
def pair_for_member(data):
    """为本社区党员指定结对户"""
    return _created(services.pair_for_member(current_user(), data))


@blp.get("/staff/pairings")
@auth_required(*STAFF_ROLES)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, PairingPageSchema)
def staff_pairings(args):
    """本社区的结对，附走访次数与最近走访日期"""
    return queries.staff_pairings(current_user(), args["limit"], args.get("cursor"))


@blp.get("/staff/pairings/<int:pairing_id>/visits")
@auth_required(*STAFF_ROLES)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, VisitPageSchema)
def staff_visits(args, pairing_id):
    """一对结对的走访记录"""
    return queries.visits(current_user(), pairing_id, args["limit"], args.get("cursor"))
