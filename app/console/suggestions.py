"""意见建议: the suggestions of the staff's communities by status, each pending one with its
answer form. Answering is the API's own use case (`app.suggestions.services.answer`)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.neighbours import AnswerFormSchema, SuggestionArgsSchema
from app.console.read_models import mall
from app.errors import SuggestionStateConflict, ValidationError
from app.suggestions import queries, services
from app.suggestions.labels import SUGGESTION_STATUS


@bp.get("/suggestions")
@staff_required
def suggestions():
    args, errors = parse_form(SuggestionArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    scope = mall.scope_of(actor, args.get("community_id"))
    page = queries.staff_suggestions(
        actor, args["limit"], args.get("cursor"), args.get("status"), community_ids=scope
    )
    return render_template(
        "console/suggestions.html",
        page=page,
        args={"cursor": None, "community_id": None, "status": None, **args},
        communities=managed_communities(actor),
        statuses=SUGGESTION_STATUS,
    )


@bp.post("/suggestions/<int:suggestion_id>/answer")
@staff_required
def suggestion_answer(suggestion_id: int):
    actor = current_staff()
    queries.suggestion_in_reach(actor, suggestion_id)  # 404 before the form is read
    data, errors = parse_form(AnswerFormSchema(), request.form)
    if errors:
        flash(f"答复：{errors['answer'][0]}", "error")
    else:
        try:
            services.answer(suggestion_id, actor, data["answer"])
            flash(f"已答复意见建议 #{suggestion_id}，并通知了提出人", "success")
        except SuggestionStateConflict as refused:
            flash(refused.message, "error")
    return redirect(url_for("console.suggestions", status=request.args.get("status")))
