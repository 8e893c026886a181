"""工单详情: everything about one order, and the staff's actions on it. Each action is the
same service call as the API's; one the order's state forbids comes back as a flash."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import flash, redirect, render_template, request, url_for

from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.orders import (
    COMMON_REJECT_REASONS,
    OTHER_REASON,
    DispatchFormSchema,
    FollowUpFormSchema,
    NoteFormSchema,
    RejectFormSchema,
    ReopenFormSchema,
)
from app.console.forms.teams import TeamDispatchFormSchema
from app.console.read_models.order_sheet import OrderSheet, order_sheet
from app.errors import Conflict, ReopenNeedsFollowUp, ValidationError
from app.orders import services
from app.orders.labels import ACTION_LABELS, STATUS_LABELS
from app.orders.vocabulary import Action

# action -> (service, message when done)
BUTTON_ACTIONS = {
    Action.APPROVE: (services.approve, "已审核通过，工单待派单"),
    Action.PUBLISH: (services.publish, "已发布到抢单池，等待党员抢单"),
    Action.RECALL: (services.recall, "已从抢单池撤回，工单回到待派单"),
    Action.CLOSE: (services.close, "工单已办结"),
}
TEAM_DISPATCHED = "已派给团队，等待团队中一人接单"
ASSIGN_ACTIONS = {
    Action.DISPATCH: (services.dispatch, "已派单，等待党员接单"),
    Action.REASSIGN: (services.reassign, "已改派，等待党员接单"),
}


@bp.get("/orders/<int:order_id>")
@staff_required
def order_detail(order_id: int):
    return _render(order_sheet(order_id, current_staff()))


@bp.post("/orders/<int:order_id>/<any(approve, publish, recall, close):action>")
@staff_required
def order_move(order_id: int, action: str):
    service, done = BUTTON_ACTIONS[Action(action)]
    try:
        service(order_id, current_staff())
    except Conflict as error:
        flash(_refusal(Action(action), error), "error")
    else:
        flash(done, "success")
    return _back(order_id)


@bp.post("/orders/<int:order_id>/reject")
@staff_required
def order_reject(order_id: int):
    return _form_action(
        order_id,
        Action.REJECT,
        RejectFormSchema(),
        "已驳回，居民会看到驳回原因",
        lambda data: services.reject(order_id, current_staff(), data["reason"]),
    )


@bp.post("/orders/<int:order_id>/<any(dispatch, reassign):action>")
@staff_required
def order_assign(order_id: int, action: str):
    service, done = ASSIGN_ACTIONS[Action(action)]
    return _form_action(
        order_id,
        Action(action),
        DispatchFormSchema(),
        done,
        lambda data: service(order_id, current_staff(), data["member_id"]),
    )


@bp.post("/orders/<int:order_id>/dispatch-team")
@staff_required
def order_dispatch_team(order_id: int):
    return _form_action(
        order_id,
        Action.DISPATCH_TEAM,
        TeamDispatchFormSchema(),
        TEAM_DISPATCHED,
        lambda data: services.dispatch_to_team(order_id, current_staff(), data["team_id"]),
    )


@bp.post("/orders/<int:order_id>/follow-ups")
@staff_required
def order_follow_up(order_id: int):
    return _form_action(
        order_id,
        Action.FOLLOW_UP,
        FollowUpFormSchema(),
        "回访已记录",
        lambda data: services.record_follow_up(order_id, current_staff(), **data),
    )


@bp.post("/orders/<int:order_id>/reopen")
@staff_required
def order_reopen(order_id: int):
    return _form_action(
        order_id,
        Action.REOPEN,
        ReopenFormSchema(),
        "工单已重新办理，回到待派单",
        lambda data: services.reopen(order_id, current_staff(), data["reason"]),
    )


@bp.post("/orders/<int:order_id>/notes")
@staff_required
def order_note(order_id: int):
    """内部备注: not a move, so it is never refused by the order's state."""
    data, errors = parse_form(NoteFormSchema(), request.form)
    if not errors:
        services.add_note(order_id, current_staff(), data["body"])
        flash("备注已保存，仅工作人员可见", "success")
        return _back(order_id)
    sheet = order_sheet(order_id, current_staff())
    return _render(sheet, form="note", values=request.form, errors=errors), 422


def _form_action(order_id: int, action: Action, schema, done: str, call):
    """Parse the form and call the service: done → back to the page with a flash; invalid
    input → the page again (422) with the errors next to the fields and the text kept."""
    data, errors = parse_form(schema, request.form)
    if not errors:
        try:
            call(data)
        except ValidationError as error:
            errors = errors_of(error)
        except Conflict as error:
            flash(_refusal(action, error), "error")
            return _back(order_id)
        else:
            flash(done, "success")
            return _back(order_id)
    sheet = order_sheet(order_id, current_staff())  # 404 wins over 422
    if action not in sheet.allowed:
        flash(_refusal(action, None, sheet.order.status), "error")
        return _back(order_id)
    return _render(sheet, form=action, values=request.form, errors=errors), 422


def _refusal(action: Action, error: Conflict | None, status: str | None = None) -> str:
    if isinstance(error, ReopenNeedsFollowUp):
        return f"无法{ACTION_LABELS[action]}：{error.message}。"
    status = status or (error.details.get("status") if error else None)
    label = STATUS_LABELS.get(status, "") if status else ""
    now = f"工单当前为「{label}」，" if label else ""
    return f"无法{ACTION_LABELS.get(action, action)}：{now}不能进行此操作。"


def _back(order_id: int):
    return redirect(url_for("console.order_detail", order_id=order_id))


def _render(sheet: OrderSheet, form: str | None = None, values=None, errors=None):
    return render_template(
        "console/order_detail.html",
        s=sheet,
        o=sheet.order,
        map_url=map_url(sheet),
        common_reasons=COMMON_REJECT_REASONS,
        other_reason=OTHER_REASON,
        open_form=form,
        values=values or {},
        errors=errors or {},
    )


def map_url(sheet: OrderSheet) -> str:
    """Amap (高德) opens the point, GCJ-02 like the mini-program's; without coordinates it
    searches the address in Nanchang."""
    order = sheet.order
    common = {"src": "shaoxiandui", "callnative": "0"}
    if order.latitude is not None and order.longitude is not None:
        return "https://uri.amap.com/marker?" + urlencode(
            {
                "position": f"{order.longitude},{order.latitude}",
                "name": order.address,
                "coordinate": "gaode",
                **common,
            }
        )
    return "https://uri.amap.com/search?" + urlencode(
        {"keyword": order.address, "city": "南昌", **common}
    )
