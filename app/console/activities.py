"""活动: the activities of the staff's communities by tab (即将开始, 进行中, 已结束), the form
to publish (once or weekly) and edit one, and an activity's page: sign-ups, waitlist,
check-in list, attendance numbers and the check-in QR code to print. Writing is the API's
own use cases (`app/activities/services/`)."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for

from app.activities import queries
from app.activities.access import managed_activity
from app.activities.labels import AUDIENCE, SIGNUP_STATUS, TABS, TAGS
from app.activities.models import Activity
from app.activities.services import publish
from app.auth.permissions import managed_communities
from app.clock import BEIJING
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.activities import ActivityFormSchema, ActivityListArgsSchema
from app.console.read_models.bookings import venues_with_rooms
from app.errors import ValidationError


@bp.get("/activities")
@staff_required
def activities():
    args, errors = parse_form(ActivityListArgsSchema(), request.args)
    if errors:
        raise ValidationError(details=errors)
    actor = current_staff()
    page = queries.staff_activities(actor, **args)
    return render_template(
        "console/activities.html",
        page=page,
        checked_in=queries.checkin_counts([a.id for a in page["items"]]),
        args={"cursor": None, "community_id": None, **args},
        tabs=TABS,
        communities=managed_communities(actor),
    )


@bp.route("/activities/new", methods=["GET", "POST"])
@staff_required
def activity_new():
    if request.method == "GET":
        return _form(None, {})
    data, errors = parse_form(ActivityFormSchema(), request.form, list_fields=("tags",))
    if errors:
        return _form(None, errors, status=422)
    communities = managed_communities(current_staff())
    if data.get("community_id") is None and len(communities) == 1:
        data["community_id"] = communities[0].id
    try:
        activity = publish.publish(current_staff(), data)
    except ValidationError as error:
        return _form(None, errors_of(error), status=422)
    weeks = f"（每周一次，共 {data['repeat_weeks']} 次）" if data["repeat_weeks"] > 1 else ""
    flash(f"已发布“{activity.title}”{weeks}", "success")
    return redirect(url_for("console.activity_detail", activity_id=activity.id))


@bp.route("/activities/<int:activity_id>/edit", methods=["GET", "POST"])
@staff_required
def activity_edit(activity_id: int):
    activity = managed_activity(current_staff(), activity_id)
    if request.method == "GET":
        return _form(activity, {})
    data, errors = parse_form(ActivityFormSchema(), request.form, list_fields=("tags",))
    if errors:
        return _form(activity, errors, status=422)
    for name in ("community_id", "repeat_weeks", "announce"):
        data.pop(name, None)
    try:
        publish.revise(current_staff(), activity_id, data)
    except ValidationError as error:
        return _form(activity, errors_of(error), status=422)
    flash(f"已保存“{data['title']}”", "success")
    return redirect(url_for("console.activity_detail", activity_id=activity_id))


@bp.get("/activities/<int:activity_id>")
@staff_required
def activity_detail(activity_id: int):
    activity, signups = queries.signups_of(current_staff(), activity_id)
    return render_template(
        "console/activity.html",
        activity=activity,
        signups=signups,
        numbers=queries.attendance(signups),
        labels=SIGNUP_STATUS,
        audience=AUDIENCE,
    )


@bp.get("/activities/<int:activity_id>/checkin-qr.png")
@staff_required
def activity_qr(activity_id: int):
    png = queries.checkin_qr_png(current_staff(), activity_id)
    return current_app.response_class(png, mimetype="image/png")


def _form(activity: Activity | None, errors: dict, status: int = 200):
    actor = current_staff()
    communities = managed_communities(actor)
    values = request.form if request.method == "POST" else _values_of(activity)
    chosen = request.form.getlist("tags") if request.method == "POST" else values.get("tags", [])
    return render_template(
        "console/activity_form.html",
        activity=activity,
        communities=communities,
        venues=[v for v, _ in venues_with_rooms({c.id for c in communities})],
        values=values,
        chosen_tags=chosen,
        errors=errors,
        tags=TAGS,
        audiences=AUDIENCE,
    ), status


def _values_of(activity: Activity | None) -> dict:
    if activity is None:
        return {"audience": "all", "points": "0", "repeat_weeks": "1", "tags": []}
    local = "%Y-%m-%dT%H:%M"
    return {
        "title": activity.title,
        "description": activity.description,
        "start": activity.start_at.astimezone(BEIJING).strftime(local),
        "end": activity.end_at.astimezone(BEIJING).strftime(local),
        "capacity": str(activity.capacity),
        "points": str(activity.points),
        "venue_id": str(activity.venue_id or ""),
        "address": activity.address or "",
        "cover_url": activity.cover_url or "",
        "audience": activity.audience,
        "tags": activity.tags,
    }
