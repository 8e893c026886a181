"""纪实 of one member in the console: the 纪实手册 to download, the 反馈卡 issued with their
previews and PDFs, and the form to issue one (the same use case as `POST
/staff/members/{id}/feedback-cards`)."""

from __future__ import annotations

import io
from collections.abc import Mapping

from flask import flash, redirect, render_template, request, send_file, url_for

from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.records import CardFormSchema
from app.errors import FeedbackCardExists, ValidationError
from app.records import handbook, queries, services
from app.records.handbook_pdf import handbook_filename, handbook_pdf
from app.records.labels import EVALUATION_LABELS
from app.records.models import Evaluation

CARDS = 50  # the newest cards shown; a member has one or two a year


@bp.get("/members/<int:user_id>/record")
@staff_required
def member_record(user_id: int):
    return _page(user_id, {}, {})


@bp.post("/members/<int:user_id>/feedback-cards")
@staff_required
def member_card_issue(user_id: int):
    staff = current_staff()
    record = handbook.staff_record(staff, user_id)  # 404 page for a member out of reach
    data, errors = parse_form(CardFormSchema(), request.form)
    if not errors:
        try:
            card = services.issue(staff, user_id, data)
        except ValidationError as error:
            errors = errors_of(error)
        except FeedbackCardExists as error:
            flash(error.message, "error")
            return _page(user_id, request.form, {}, 409, record)
        else:
            flash(
                f"已出具{record['profile'].name}的反馈卡（{EVALUATION_LABELS[Evaluation(card.evaluation)]}）",
                "success",
            )
            return redirect(url_for("console.member_record", user_id=user_id))
    return _page(user_id, request.form, errors, 422, record)


@bp.get("/members/<int:user_id>/record.pdf")
@staff_required
def member_record_pdf(user_id: int):
    record = handbook.staff_record(current_staff(), user_id)
    return send_file(
        io.BytesIO(handbook_pdf(record)),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=handbook_filename(record),
    )


def _page(
    user_id: int,
    values: Mapping[str, str],
    errors: dict,
    status: int = 200,
    record: dict | None = None,
):
    staff = current_staff()
    record = record or handbook.staff_record(staff, user_id)
    cards = queries.member_cards(staff, user_id, CARDS)["items"]
    page = render_template(
        "console/member_record.html",
        record=record,
        cards=cards,
        evaluations=EVALUATION_LABELS,
        values=values,
        errors=errors,
    )
    return page, status
