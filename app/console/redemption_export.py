"""The redemptions' xlsx export: `GET /console/redemptions.xlsx?status=&from=&to=` (Beijing
days, both included), one row per redemption of the staff's communities, read in one
statement and written by openpyxl's write-only workbook (rows are not kept in memory)."""

from __future__ import annotations

import io

from flask import request, send_file
from openpyxl import Workbook

from app.clock import wall_time
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.mall import ExportArgsSchema
from app.console.read_models import mall
from app.errors import ValidationError
from app.mall.labels import REDEMPTION_STATUS
from app.mall.models import RedemptionStatus

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = (
    "编号", "社区", "奖品", "兑换人", "积分", "状态", "兑换码",
    "兑换时间", "有效期至", "核销时间", "核销人", "取消/过期时间",
)  # fmt: skip


@bp.get("/redemptions.xlsx")
@staff_required
def redemptions_export():
    args, errors = parse_form(ExportArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors, message=_first(errors))
    scope = mall.scope_of(current_staff(), args.get("community_id"))
    rows = mall.redemption_rows(scope, args.get("status"), args.get("from_"), args.get("to"))
    out = io.BytesIO()
    _workbook(rows).save(out)
    out.seek(0)
    return send_file(out, mimetype=XLSX, as_attachment=True, download_name=_filename(args))


def _workbook(rows) -> Workbook:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("兑换记录")
    sheet.append(HEADER)
    for r in rows:
        fulfilled = r.status == RedemptionStatus.FULFILLED
        sheet.append(
            (
                r.id,
                r.community_name,
                r.reward_name,
                r.user_name,
                r.points,
                REDEMPTION_STATUS.get(RedemptionStatus(r.status), r.status),
                r.code,
                wall_time(r.created_at),
                wall_time(r.expires_at),
                wall_time(r.closed_at) if fulfilled else None,
                r.verifier_name,
                None if fulfilled else wall_time(r.closed_at),
            )
        )
    return book


def _filename(args: dict) -> str:
    parts = ["兑换记录"]
    if args.get("status"):
        parts.append(REDEMPTION_STATUS[RedemptionStatus(args["status"])])
    if args.get("from_") or args.get("to"):
        parts.append(f"{args.get('from_') or ''}至{args.get('to') or ''}")
    return "_".join(parts) + ".xlsx"


def _first(errors: dict) -> str:
    return next(iter(errors.values()))[0]
