"""消息发送: the subscribe messages of the staff's communities (the outbox), by status, and a
retry for the dead ones. In demo mode (`WECHAT_FAKE=1`) nothing leaves the server."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for

from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.notifications import OutboxArgsSchema
from app.errors import DeliveryStateConflict, ValidationError
from app.notifications import queries, services
from app.notifications.labels import DELIVERY_STATUS, EVENT


@bp.get("/outbox")
@staff_required
def outbox():
    args, errors = parse_form(OutboxArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    page = queries.outbox(actor, args["limit"], args.get("cursor"), args.get("status"))
    return render_template(
        "console/outbox.html",
        page=page,
        args={"cursor": None, "status": None, **args},
        statuses=DELIVERY_STATUS,
        events=EVENT,
        dead=queries.dead_count(actor),
        fake=current_app.config["WECHAT_FAKE"],
    )


@bp.post("/outbox/<int:delivery_id>/retry")
@staff_required
def outbox_retry(delivery_id: int):
    try:
        services.retry_delivery(current_staff(), delivery_id)
    except DeliveryStateConflict as error:
        flash(error.message, "error")
    else:
        flash(f"消息 #{delivery_id} 已重新排队发送", "success")
    return redirect(url_for("console.outbox", status=request.args.get("status")))
