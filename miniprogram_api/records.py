"""纪实手册 and 反馈卡: staff issue a member's card for a period and download it and the
member's whole record as PDF; the member reads their own; the unit the card was sent to
reads its members' cards."""

from __future__ import annotations

import io
from functools import wraps

from flask import send_file

from app.accounts.models import STAFF_ROLES, Role
from app.api import errors
from app.pagination import PageArgsSchema
from app.points.adjust import require_member
from app.records import handbook, queries, services
from app.records.card_pdf import card_filename, card_pdf
from app.records.handbook_pdf import handbook_filename, handbook_pdf
from app.records.schemas import CardInSchema, CardJudgementSchema, CardPageSchema, CardSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("records", __name__, description="纪实手册与反馈卡")
PDF = "application/pdf"


def member_in_reach(view):
    """404 for a member outside the caller's communities, before the body is read."""

    @wraps(view)
    def wrapped(*args, user_id, **kwargs):
        require_member(current_user(), user_id)
        return view(*args, user_id=user_id, **kwargs)

    return wrapped


def card_in_reach(view):
    @wraps(view)
    def wrapped(*args, card_id, **kwargs):
        queries.managed_card(current_user(), card_id)
        return view(*args, card_id=card_id, **kwargs)

    return wrapped


def _pdf(data: bytes, filename: str):
    return send_file(io.BytesIO(data), mimetype=PDF, as_attachment=True, download_name=filename)


def _card_download(card_id: int):
    """The card's PDF for whoever may read it (staff, its member, its unit)."""
    card = queries.readable_card(current_user(), card_id)
    return _pdf(card_pdf(card), card_filename(card))


@blp.post("/staff/members/<int:user_id>/feedback-cards")
@errors(409)
@auth_required(*STAFF_ROLES)
@member_in_reach
@blp.arguments(CardInSchema)
@blp.response(201, CardSchema)
def issue_card(data, user_id):
    """为本社区党员出具某一期间的反馈卡：冻结期间内的履职情况，附社区评价与评语（同一期间已有：409）"""
    return services.issue(current_user(), user_id, data)


@blp.get("/staff/members/<int:user_id>/feedback-cards")
@auth_required(*STAFF_ROLES)
@member_in_reach
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, CardPageSchema)
def member_cards(args, user_id):
    """党员的反馈卡（新出具的在前）"""
    return queries.member_cards(current_user(), user_id, args["limit"], args.get("cursor"))


@blp.put("/staff/feedback-cards/<int:card_id>")
@auth_required(*STAFF_ROLES)
@card_in_reach
@blp.arguments(CardJudgementSchema)
@blp.response(200, CardSchema)
def reissue_card(data, card_id):
    """重新出具反馈卡：按现在的记录重新统计，替换评价与评语，版本 revision 加一"""
    return services.reissue(current_user(), card_id, data)


@blp.get("/staff/feedback-cards/<int:card_id>.pdf")
@auth_required(*STAFF_ROLES)
@blp.response(200, content_type=PDF)
def staff_card_pdf(card_id):
    """下载反馈卡（PDF）"""
    return _card_download(card_id)


@blp.get("/staff/members/<int:user_id>/record.pdf")
@auth_required(*STAFF_ROLES)
@blp.response(200, content_type=PDF)
def staff_record_pdf(user_id):
    """下载党员的服务纪实手册（PDF）：报到信息、历年“1+X”、工单、活动、微心愿、走访与反馈卡"""
    record = handbook.staff_record(current_user(), user_id)
    return _pdf(handbook_pdf(record), handbook_filename(record))


@blp.get("/member/record.pdf")
@errors(404)
@auth_required(Role.MEMBER)
@blp.response(200, content_type=PDF)
def own_record_pdf():
    """下载我的服务纪实手册（PDF）"""
    record = handbook.record(current_user().id)
    return _pdf(handbook_pdf(record), handbook_filename(record))


@blp.get("/member/feedback-cards")
@auth_required(Role.MEMBER)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, CardPageSchema)
def own_cards(args):
    """社区为我出具的反馈卡"""
    return queries.own_cards(current_user(), args["limit"], args.get("cursor"))


@blp.get("/member/feedback-cards/<int:card_id>.pdf")
@auth_required(Role.MEMBER)
@blp.response(200, content_type=PDF)
def own_card_pdf(card_id):
    """下载我的反馈卡（PDF）"""
    return _card_download(card_id)


@blp.get("/unit/feedback-cards")
@errors(404)
@auth_required(Role.UNIT)
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, CardPageSchema)
def unit_cards(args):
    """共建单位：社区为本单位党员出具的反馈卡"""
    return queries.unit_cards(current_user(), args["limit"], args.get("cursor"))


@blp.get("/unit/feedback-cards/<int:card_id>.pdf")
@auth_required(Role.UNIT)
@blp.response(200, content_type=PDF)
def unit_card_pdf(card_id):
    """共建单位：下载本单位党员的反馈卡（PDF）"""
    return _card_download(card_id)
