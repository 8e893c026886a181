"""红喇叭: the community's announcements with their reach (recipients, sent, read), and the
form to write one. Writing is the API's own use case."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.announcements import queries, services
from app.auth.permissions import managed_communities
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.notifications import AnnouncementArgsSchema, AnnouncementFormSchema
from app.errors import ValidationError
from app.notifications.labels import AUDIENCE


@bp.get("/announcements")
@staff_required
def announcements():
    return _page({})


@bp.post("/announcements")
@staff_required
def announcements_new():
    data, errors = parse_form(AnnouncementFormSchema(), request.form)
    if errors:
        return _page(errors, status=422)
    announcement = services.announce(current_staff(), data)
    flash(f"已发布“{announcement.title}”，共 {announcement.recipients} 人收到", "success")
    return redirect(url_for("console.announcements", community_id=request.args.get("community_id")))


def _page(errors: dict, status: int = 200):
    args, query_errors = parse_form(AnnouncementArgsSchema(), request.args)
    if query_errors:
        raise ValidationError(details=query_errors)
    actor = current_staff()
    page = queries.announcements(actor, args["limit"], args.get("cursor"), args.get("community_id"))
    communities = managed_communities(actor)
    return render_template(
        "console/announcements.html",
        page=page,
        args={"cursor": None, "community_id": None, **args},
        communities=communities,
        names={c.id: c.name for c in communities},
        audiences=AUDIENCE,
        values=request.form,
        errors=errors,
    ), status
