"""两台账 in the console: 共建单位服务台账 and 在职党员服务台账 of the staff's communities (a
street admin's: the street's, or one picked) over a period, as xlsx downloads."""

from __future__ import annotations

import io
from datetime import date

from flask import render_template, request, send_file
from openpyxl import Workbook

from app.auth.permissions import managed_communities
from app.clock import beijing_today, utcnow
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.records import LedgerArgsSchema
from app.console.redemption_export import XLSX
from app.errors import ValidationError
from app.records import ledgers

UNIT_HEADER = (
    "共建单位",
    "类别",
    "结对社区",
    "报到党员数",
    "报到党员",
    "完成工单",
    "参加活动",
    "周六报到",
    "微心愿",
    "走访",
    "获得积分",
    "“1+X”已兑现项数",
)
MEMBER_HEADER = (
    "姓名",
    "报到社区",
    "工作单位",
    "“1+X”已兑现",
    "“1+X”承诺项数",
    "完成工单",
    "居民评价（星）",
    "参加活动",
    "周六报到",
    "微心愿",
    "意见建议",
    "走访",
    "获得积分",
)


@bp.get("/ledgers")
@staff_required
def ledgers_page():
    today = beijing_today(utcnow())
    return render_template(
        "console/ledgers.html",
        communities=managed_communities(current_staff()),
        start=date(today.year, 1, 1),
        end=today,
    )


@bp.get("/ledgers/units.xlsx")
@staff_required
def ledgers_units():
    args = _args()
    rows = ledgers.unit_ledger(
        current_staff(), args["start"], args["end"], args.get("community_id")
    )
    book, sheet = _book("共建单位服务台账", UNIT_HEADER)
    for r in rows:
        sheet.append(
            (
                r["unit"].name,
                r["kind"],
                r["communities"],
                len(r["members"]),
                "、".join(r["members"]),
                r["orders_completed"],
                r["activities"],
                r["reports"],
                r["wishes"],
                r["visits"],
                r["points"],
                r["kept"],
            )
        )
    return _send(book, "共建单位服务台账", args)


@bp.get("/ledgers/members.xlsx")
@staff_required
def ledgers_members():
    args = _args()
    rows = ledgers.member_ledger(
        current_staff(), args["start"], args["end"], args.get("community_id")
    )
    book, sheet = _book("在职党员服务台账", MEMBER_HEADER)
    for profile, community, f in rows:
        sheet.append(
            (
                profile.name,
                community,
                profile.unit_name,
                f["commitments_kept"],
                len(f["commitments"]),
                f["orders_completed"],
                f["average_rating"],
                f["activities"],
                f["reports"],
                f["wishes"],
                f["suggestions"],
                f["visits"],
                f["points"],
            )
        )
    return _send(book, "在职党员服务台账", args)


def _args() -> dict:
    args, errors = parse_form(LedgerArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors, message=next(iter(errors.values()))[0])
    return args


def _book(title: str, header: tuple):
    """A workbook whose sheet is named after the ledger, the header row first (the period is
    in the file's name)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append(header)
    return book, sheet


def _send(book: Workbook, title: str, args: dict):
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    name = f"{title}_{args['start']:%Y%m%d}-{args['end']:%Y%m%d}.xlsx"
    return send_file(out, mimetype=XLSX, as_attachment=True, download_name=name)
