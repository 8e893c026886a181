"""内容审核: residents' texts that WeChat's content check marked (or could not check), for
staff to clear or hide. The decisions are the API's own service calls."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities, scope_community_ids
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.console.forms.content_reviews import ReviewQueueArgsSchema
from app.errors import ReviewStateConflict, ValidationError
from app.moderation import queries, services
from app.moderation.labels import REVIEW_REASON_LABELS, REVIEW_STATUS_LABELS, SUBJECT_KIND_LABELS
from app.moderation.subjects import HIDDEN_TEXT

TABS = list(REVIEW_STATUS_LABELS.items())
DECISIONS = {"clear": (services.clear, "已通过该内容"), "hide": (services.hide, "已隐藏该内容")}


@bp.get("/content-reviews")
@staff_required
def content_reviews():
    schema = ReviewQueueArgsSchema()
    data, errors = parse_form(schema, request.args)
    if errors:
        raise ValidationError(details=errors)
    return _page({**dict.fromkeys(schema.fields), **data})


@bp.post("/content-reviews/<int:review_id>/<any(clear, hide):decision>")
@staff_required
def content_review_decide(review_id: int, decision: str):
    decide, done = DECISIONS[decision]
    try:
        decide(current_staff(), review_id)
    except ReviewStateConflict as error:
        # Someone decided first (or this is a second click): say so; nothing was changed.
        flash(error.message, "error")
        args = {**ReviewQueueArgsSchema().load({}), "cursor": None}
        return _page({**args, "community_id": _filtered_community()}, status=error.status)
    flash(done, "success")
    return redirect(url_for("console.content_reviews", community_id=_filtered_community()))


def _page(args: dict, status: int = 200):
    actor = current_staff()
    ids = scope_community_ids(actor, args.get("community_id"))
    page = queries.review_page(ids, args["status"], args["limit"], args.get("cursor"))
    return render_template(
        "console/content_reviews.html",
        page=page,
        args=args,
        tabs=TABS,
        counts=queries.status_counts(ids),
        communities={c.id: c.name for c in managed_communities(actor)},
        kinds=SUBJECT_KIND_LABELS,
        reasons=REVIEW_REASON_LABELS,
        hidden_text=HIDDEN_TEXT,
    ), status


def _filtered_community() -> int | None:
    """The community filter the acting page had (`?community_id=` on the form's action)."""
    return request.args.get("community_id", type=int)
