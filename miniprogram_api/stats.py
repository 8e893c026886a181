"""Staff statistics over a period and the orders' ledger as a workbook (CONTRACT §6.7)."""

from __future__ import annotations

from functools import wraps

from flask import request, send_file

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.auth.permissions import require_managed_community
from app.stats import ledger
from app.stats.period import period_stats
from app.stats.schemas import StatsSchema
from app.validation import MAX_ID, PeriodArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("stats", __name__, description="统计与台账")


def community_in_reach(view):
    """404 for a `community_id` outside the caller's scope before the dates are read, so
    that NOT_FOUND wins over VALIDATION_ERROR; a malformed one is the schema's 422."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        raw = request.args.get("community_id", "")
        if raw.isdigit() and 0 < int(raw) <= MAX_ID:
            require_managed_community(current_user(), int(raw))
        return view(*args, **kwargs)

    return wrapped


@blp.get("/staff/stats")
@errors(404)
@auth_required(*STAFF_ROLES)
@community_in_reach
@blp.arguments(PeriodArgsSchema, location="query")
@blp.response(200, StatsSchema)
def stats(args):
    """期间（北京时间，含首尾两天）的工单统计：提交数、完成数、响应率、解决率、满意率，
    按服务分类与按天的数量；街道管理员看全街道或其中一个社区"""
    return period_stats(current_user(), args["start"], args["end"], args.get("community_id"))


@blp.get("/staff/exports/orders.xlsx")
@errors(404)
@auth_required(*STAFF_ROLES)
@community_in_reach
@blp.arguments(PeriodArgsSchema, location="query")
@blp.response(200, content_type=ledger.XLSX)
def orders_export(args):
    """导出期间（北京时间，含首尾两天）提交的工单台账（xlsx，每单一行，电话完整）"""
    start, end = args["start"], args["end"]
    book = ledger.orders_workbook(current_user(), start, end, args.get("community_id"))
    return send_file(
        book, mimetype=ledger.XLSX, as_attachment=True, download_name=ledger.filename(start, end)
    )
