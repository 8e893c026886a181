"""工作台: today's numbers at a glance."""
from flask import render_template

from app.console import bp
from app.console.auth import staff_required


@bp.get("/")
@staff_required
def dashboard():
    return render_template("console/dashboard.html")
