"""我的消息: the signed-in staff user's own inbox (pool timeouts, overdue orders ...), newest
first, with mark-as-read."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for

from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.notifications import InboxArgsSchema
from app.errors import ValidationError
from app.notifications import queries, services
from app.notifications.labels import EVENT


@bp.get("/messages")
@staff_required
def inbox():
    args, errors = parse_form(InboxArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    page = queries.inbox(current_staff(), args["limit"], args.get("cursor"))
    return render_template(
        "console/inbox.html", page=page, args={"cursor": None, **args}, events=EVENT
    )


@bp.post("/messages/<int:message_id>/read")
@staff_required
def inbox_read(message_id: int):
    services.mark_read(current_staff(), message_id)
    return redirect(url_for("console.inbox", cursor=request.args.get("cursor")))
