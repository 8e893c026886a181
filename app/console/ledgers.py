"""两台账 in the console: 共建单位服务台账 and 在职党员服务台账 of the staff's communities (a
street admin's: the street's, or one picked) over a period, as xlsx downloads."""

from __future__ import annotations

import io
from collections.abc import Callable
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

# Each ledger's columns: (header, the cell of a row).
UNIT_COLUMNS: tuple[tuple[str, Callable[[dict], object]], ...] = (
    ("共建单位", lambda r: r["unit"].name),
    ("类别", lambda r: r["kind"]),
    ("结对社区", lambda r: r["communities"]),
    ("报到党员数", lambda r: len(r["members"])),
    ("报到党员", lambda r: "、".join(r["members"])),
    ("完成工单", lambda r: r["orders_completed"]),
    ("参加活动", lambda r: r["activities"]),
    ("周六报到", lambda r: r["reports"]),
    ("微心愿", lambda r: r["wishes"]),
    ("走访", lambda r: r["visits"]),
    ("获得积分", lambda r: r["points"]),
    ("“1+X”已兑现项数", lambda r: r["kept"]),
)
MEMBER_COLUMNS: tuple[tuple[str, Callable[[tuple], object]], ...] = (
    ("姓名", lambda r: r[0].name),
    ("报到社区", lambda r: r[1]),
    ("工作单位", lambda r: r[0].unit_name),
    ("“1+X”已兑现", lambda r: r[2]["commitments_kept"]),
    ("“1+X”承诺项数", lambda r: len(r[2]["commitments"])),
    ("完成工单", lambda r: r[2]["orders_completed"]),
    ("居民评价（星）", lambda r: r[2]["average_rating"]),
    ("参加活动", lambda r: r[2]["activities"]),
    ("周六报到", lambda r: r[2]["reports"]),
    ("微心愿", lambda r: r[2]["wishes"]),
    ("意见建议", lambda r: r[2]["suggestions"]),
    ("走访", lambda r: r[2]["visits"]),
    ("获得积分", lambda r: r[2]["points"]),
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
    return _send("共建单位服务台账", UNIT_COLUMNS, rows, args)


@bp.get("/ledgers/members.xlsx")
@staff_required
def ledgers_members():
    args = _args()
    rows = ledgers.member_ledger(
        current_staff(), args["start"], args["end"], args.get("community_id")
    )
    return _send("在职党员服务台账", MEMBER_COLUMNS, rows, args)


def _args() -> dict:
    args, errors = parse_form(LedgerArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors, message=next(iter(errors.values()))[0])
    return args


def _send(title: str, columns: tuple, rows: list, args: dict):
    """A workbook of one sheet named after the ledger, the header row first (the period is
    in the file's name), written row by row (openpyxl's write-only mode)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append([header for header, _ in columns])
    for row in rows:
        sheet.append([cell(row) for _, cell in columns])
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    name = f"{title}_{args['start']:%Y%m%d}-{args['end']:%Y%m%d}.xlsx"
    return send_file(out, mimetype=XLSX, as_attachment=True, download_name=name)
