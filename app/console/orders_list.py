"""工单 queue: status tabs with counts, filters and search, cursor pages, and a badge that
polls for new orders."""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template, request, url_for

from app.accounts.models import Role
from app.catalog.labels import KIND_LABELS
from app.clock import utcnow
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import run_query
from app.console.forms.orders import QueueFilterSchema
from app.console.read_models import order_queue as queries
from app.console.read_models.queue_options import filter_options, item_names
from app.orders.labels import ORDER_KIND_LABELS, SOURCE_LABELS

DEFAULT_POLL_SECONDS = 15
# Filter parameters a link to another page of the same list drops.
PAGING_ARGS = ("cursor", "since")
FORM_FIELDS = {
    "q",
    "community_id",
    "category_id",
    "grid_id",
    "source",
    "kind",
    "created_from",
    "created_to",
    "overdue",
}
# Parameters without an input of their own: their errors are shown under the form.
HIDDEN_FIELDS = {
    "community_id": "社区：",
    "status": "状态：",
    "completed_on": "完成日期：",
    "cursor": "分页：",
    "limit": "每页条数：",
    "since": "新工单：",
}


def queue_url(endpoint: str = "console.orders", **changes) -> str:
    """This list's URL with its filters, minus paging, with `changes` (None drops one)."""
    args: dict[str, Any] = {
        key: value for key, value in request.args.items() if key not in PAGING_ARGS and value != ""
    }
    args.update(changes)
    return url_for(endpoint, **{key: value for key, value in args.items() if value is not None})


@bp.get("/orders")
@staff_required
def orders():
    staff = current_staff()
    data, errors, queue = run_query(
        QueueFilterSchema(), lambda data: queries.order_queue(staff, data, utcnow())
    )
    since = data.get("since") or (queue.rows[0].id if queue and queue.rows else 0)
    return render_template(
        "console/orders.html",
        queue=queue,
        errors=errors,
        form=request.args,
        status=data.get("status"),
        since=since,
        poll_seconds=_poll_seconds(),
        **_form_context(staff, data, errors),
    ), 422 if errors else 200


def _form_context(staff, data: dict, errors: dict) -> dict:
    options = filter_options(staff)
    street_admin = staff.has_role(Role.STREET_ADMIN)
    inputs = FORM_FIELDS if street_admin else FORM_FIELDS - {"community_id"}
    return {
        "options": options,
        "street_admin": street_admin,
        "community_names": {c.id: c.name for c in options.communities},
        "tab_labels": [(key, label) for key, (label, _) in queries.TABS.items()],
        "kind_labels": KIND_LABELS,
        "source_labels": SOURCE_LABELS,
        "order_kind_labels": ORDER_KIND_LABELS,
        "queue_url": queue_url,
        "item_names": item_names(),
        # Each row's link is this and the id: one url_for a page, not one a row.
        "order_path": url_for("console.order_detail", order_id=0).removesuffix("0"),
        "other_errors": [
            f"{HIDDEN_FIELDS.get(name, '')}{message}"
            for name, messages in errors.items()
            if name not in inputs
            for message in messages
        ],
        "chips": _chips(data),
    }


def _chips(data: dict) -> list[tuple[str, str]]:
    """Conditions a link set that the form has no input for (from the dashboard), each with
    the link that drops it."""
    chips = []
    status = data.get("status")
    if status and status not in queries.TABS:
        chips.append((f"状态：{queries.STATUS_FILTERS[status][0]}", queue_url(status=None)))
    if data.get("completed_on"):
        day = data["completed_on"]
        chips.append((f"完成于 {day.month}月{day.day}日", queue_url(completed_on=None)))
    return chips


@bp.get("/orders/new-count")
@staff_required
def orders_new_count():
    """Polled by the queue page: a badge when orders newer than the page's top one arrived
    (under the page's filters), and the 待审核 count swapped into its tab."""
    _, errors, counts = run_query(
        QueueFilterSchema(),
        lambda data: queries.new_order_counts(
            current_staff(), data, data.get("since", 0), utcnow()
        ),
    )
    if errors or counts is None:  # None only together with errors
        return render_template("console/orders_new.html", errors=errors), 422
    new, submitted = counts
    return render_template(
        "console/orders_new.html", new=new, submitted=submitted, queue_url=queue_url
    )


def _poll_seconds() -> int:
    return int(current_app.config.get("CONSOLE_POLL_SECONDS", DEFAULT_POLL_SECONDS))
