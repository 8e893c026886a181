"""The dispatch console (`/console/`): server-rendered pages for community staff (两委) and
street admins. Views call the same services as the mini-program API."""
from flask import Blueprint

bp = Blueprint("console", __name__, url_prefix="/console", template_folder="templates",
               static_folder="static", static_url_path="/static")

from app.console import (auth, context, dashboard, errors, filters, members,  # noqa: E402,F401
                         order_detail, order_new, orders_list)  # routes register on import
