"""The console's blueprint, on its own so that every view module can register on it."""

from flask import Blueprint, current_app

from app.extensions import csrf
from app.requests import widen_body_limit

bp = Blueprint(
    "console",
    __name__,
    url_prefix="/console",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)


@bp.before_request
def _protect_forms() -> None:
    """Every form the console posts carries its CSRF token (WTF_CSRF_CHECK_DEFAULT is off).
    Reading it reads the body: an upload's larger limit is set first."""
    widen_body_limit()
    if current_app.config["WTF_CSRF_ENABLED"]:
        csrf.protect()
