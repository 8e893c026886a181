"""Console sign-in with the staff username and password, kept in the session cookie."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from flask import g, redirect, render_template, request, session, url_for
from flask_limiter.util import get_remote_address

from app.accounts.models import Role, User
from app.accounts.principals import attach, caller
from app.accounts.schemas import StaffLoginSchema
from app.accounts.services import authenticate_staff
from app.console.blueprint import bp
from app.console.forms import parse_form
from app.errors import DomainError
from app.limits import staff_login_limit


def staff_required(view):
    """Pages for signed-in staff and street admins; anyone else goes to the login page."""
    return _signed_in(view, lambda user: user.is_staff)


def unit_required(view):
    """Pages for a co-building unit's account (app.units): its own members, nothing else."""
    return _signed_in(view, _is_unit)


def staff_or_unit_required(view):
    """Pages both read: staff, and a unit's account (the service checks what each reaches)."""
    return _signed_in(view, lambda user: user.is_staff or _is_unit(user))


def _is_unit(user: User) -> bool:
    return user.has_role(Role.UNIT)


def _signed_in(view, allowed: Callable[[User], bool]):
    @wraps(view)
    def wrapped(*args, **kwargs):
        user = _session_user()
        if user is not None and not allowed(user):
            return redirect(_home(user))  # signed in, but this page is not theirs
        if user is None:
            login_url = url_for("console.login", next=request.full_path.rstrip("?"))
            if request.headers.get("HX-Request"):  # a poll: send the whole page to sign in
                return "", 401, {"HX-Redirect": url_for("console.login")}
            return redirect(login_url)
        g.current_user = user
        return view(*args, **kwargs)

    return wrapped


def current_staff() -> User:
    return g.current_user


def _session_user() -> User | None:
    user_id = session.get("staff_id")
    # The kept caller (app/accounts/principals.py): no query while the user and roles stand.
    user = caller(user_id) if isinstance(user_id, int) else None
    if user is None or not user.is_active or not (user.is_staff or _is_unit(user)):
        return None
    return attach(user)  # the pages hand it to services and read models


@bp.route("/login", methods=["GET", "POST"])
@staff_login_limit
def login():
    form = {"username": request.form.get("username", "")}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        data, errors = parse_form(StaffLoginSchema(), request.form)
        if not errors:
            try:
                user = authenticate_staff(data["username"], data["password"], get_remote_address())
            except DomainError as error:
                errors = {"_form": [error.message]}
            else:
                return _sign_in(user)
    status = 200 if not errors else 422
    return render_template("console/login.html", form=form, errors=errors), status


def _home(user: User) -> str:
    """Where a signed-in user's console begins: a unit account has one page, its members."""
    return url_for("console.unit_members" if _is_unit(user) else "console.dashboard")


def _sign_in(user: User):
    if not user.is_staff and not _is_unit(user):
        return render_template(
            "console/login.html",
            form={"username": user.username},
            errors={"_form": ["该账号不是社区工作人员"]},
        ), 403
    _new_session()
    session.permanent = True
    session["staff_id"] = user.id
    if _is_unit(user):
        return redirect(_home(user))
    return redirect(_safe_next(request.args.get("next")))


# A path inside the console of printable ASCII without a backslash: no other site, and no
# CR/LF or other control character that could split the Location header.
_SAFE_NEXT = re.compile(r"/console/[!-\[\]-~]*")


def _safe_next(target: str | None) -> str:
    """Only a path inside the console: never an open redirect to another site."""
    if target and _SAFE_NEXT.fullmatch(target) and not urlsplit(target).netloc:
        return target
    return url_for("console.dashboard")


def _new_session() -> None:
    """Nothing of the signed-out session survives, its CSRF token (cached in g) included."""
    session.clear()
    g.pop("csrf_token", None)


@bp.post("/logout")
def logout():
    _new_session()
    return redirect(url_for("console.login"))
