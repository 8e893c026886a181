"""A 反馈卡 in the console, for staff of its community and the accounts of the unit it was
sent to: the preview (the PDF's facts as a page) and the PDF itself."""

from __future__ import annotations

import io

from flask import render_template, send_file

from app.console.auth import current_staff, staff_or_unit_required
from app.console.blueprint import bp
from app.records.card_pdf import card_filename, card_pdf
from app.records.queries import presented, readable_card


@bp.get("/feedback-cards/<int:card_id>")
@staff_or_unit_required
def feedback_card(card_id: int):
    card = readable_card(current_staff(), card_id)
    return render_template("console/feedback_card.html", **presented(card))


@bp.get("/feedback-cards/<int:card_id>.pdf")
@staff_or_unit_required
def feedback_card_pdf(card_id: int):
    card = readable_card(current_staff(), card_id)
    return send_file(
        io.BytesIO(card_pdf(card)),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=card_filename(card),
    )
