"""An activity's sign-ups as an xlsx workbook: `GET /console/activities/<id>/signups.xlsx`,
one row per sign-up in the order they asked, a header row first."""

from __future__ import annotations

import io

from flask import send_file
from openpyxl import Workbook

from app.activities import queries
from app.activities.labels import SIGNUP_STATUS
from app.clock import BEIJING
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.redemption_export import XLSX

HEADER = ("序号", "姓名", "手机号", "状态", "报名时间", "签到时间")


@bp.get("/activities/<int:activity_id>/signups.xlsx")
@staff_required
def activity_signups_export(activity_id: int):
    activity, signups = queries.signups_of(current_staff(), activity_id)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("报名名单")
    sheet.append(HEADER)
    for number, (signup, name, phone) in enumerate(signups, start=1):
        sheet.append(
            (
                number,
                name,
                phone or "",
                SIGNUP_STATUS.get(signup.status, signup.status),
                _local(signup.asked_at),
                _local(signup.checked_in_at),
            )
        )
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    name = f"activity-{activity.id}-signups.xlsx"
    return send_file(out, mimetype=XLSX, as_attachment=True, download_name=name)


def _local(moment) -> str:
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M") if moment else ""
