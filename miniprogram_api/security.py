"""Role decorators for views. The acting user is then passed to services explicitly."""

from __future__ import annotations

from functools import wraps

from flask import g, request

from app.accounts.models import Role, User
from app.accounts.principals import attach, caller
from app.accounts.tokens import read_token
from app.api import errors
from app.errors import Forbidden, Unauthorized
from miniprogram_api.blueprint import Blueprint

BEARER_SECURITY: list[dict[str, list[str]]] = [{"bearerAuth": []}]


def _user_from_request() -> User:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized()
    user = caller(read_token(token.strip()))
    if user is None or not user.is_active:
        raise Unauthorized("登录凭证无效，请重新登录")
    return user


def auth_required(*roles: Role):
    """Require a valid bearer token and, when roles are given, one of those roles.

    Put it between the route decorator and `@blp.arguments`, so that a missing token (401)
    and a wrong role (403) win over invalid input (422), as the contract orders them."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = _user_from_request()
            if roles and not user.has_any_role(roles):
                raise Forbidden()
            g.caller = user
            g.pop("current_user", None)  # tests share one app context, so `g`, among requests
            return view(*args, **kwargs)

        documented = Blueprint.doc(security=BEARER_SECURITY)(wrapped)
        return errors(401, 403)(documented) if roles else errors(401)(documented)

    return decorator


def current_user() -> User:
    """The caller, in this request's session, for a service to act as."""
    if "current_user" not in g:
        g.current_user = attach(g.caller)
    return g.current_user


def caller_id() -> int:
    return g.caller.id
