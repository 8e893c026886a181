"""一键通: the devices of the staff's communities (last heartbeat, battery, signal, silent),
registering one for a household (its secret shown once, on the answer page only), rotating
its secret and naming its care circle. Writing is the API's own use cases
(`app/devices/services/registry.py`)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import errors_of, parse_form
from app.console.forms.devices import CarersFormSchema, DeviceArgsSchema, DeviceFormSchema
from app.console.read_models.devices import carer_choices
from app.devices import queries
from app.devices.registration import Keyed
from app.devices.services import registry
from app.errors import ValidationError


@bp.get("/devices")
@staff_required
def devices():
    return _page({}, None)


@bp.post("/devices")
@staff_required
def device_new():
    data, errors = parse_form(DeviceFormSchema(), request.form, list_fields=("carer_ids",))
    if errors:
        return _page(errors, None, status=422)
    try:
        keyed = registry.register_device(current_staff(), data)
    except ValidationError as error:
        return _page(errors_of(error), None, status=422)
    return _page({}, keyed, status=201)


@bp.post("/devices/<int:device_id>/secret")
@staff_required
def device_secret(device_id: int):
    return _page({}, registry.rotate_secret(current_staff(), device_id))


@bp.post("/devices/<int:device_id>/carers")
@staff_required
def device_carers(device_id: int):
    data, errors = parse_form(CarersFormSchema(), request.form, list_fields=("carer_ids",))
    if errors:
        raise ValidationError(details=errors)
    device = registry.set_carers(current_staff(), device_id, data["carer_ids"])
    flash(f"已更新设备 {device.serial} 的关爱圈", "success")
    return redirect(url_for("console.devices"))


def _page(errors: dict, keyed: Keyed | None, status: int = 200):
    """The list and the registration form; `keyed`: the secret just made, shown this once."""
    args, bad_args = parse_form(DeviceArgsSchema(), request.args)
    if bad_args:
        raise ValidationError(details=bad_args)
    actor = current_staff()
    communities = managed_communities(actor, with_places=True)
    page = queries.device_page(actor, {"limit": 50, **args})
    values = request.form if errors else {}
    choices = carer_choices(c.id for c in communities)
    return render_template(
        "console/devices.html",
        page=page,
        args={"cursor": None, "community_id": None, "silent": None, **args},
        communities=communities,
        carers=choices,
        carer_names={carer.id: carer.name for carer in choices},
        values=values,
        errors=errors,
        keyed=keyed,
    ), status
