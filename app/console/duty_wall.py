"""报到 · 先锋墙: the entries members put on the community's wall, hidden ones too, with their
deeds; staff hide an entry from the public wall and show it again."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for

from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.duties import chosen_community, page_args
from app.console.forms.duties import CommunityArgsSchema, WallArgsSchema
from app.duties.queries.wall import community_wall
from app.duties.services.wall import set_hidden


@bp.get("/duties/wall")
@staff_required
def duties_wall():
    args = page_args(WallArgsSchema())
    community, communities = chosen_community(args)
    page = community_wall(current_staff(), community.id, args["limit"], args.get("cursor"))
    return render_template(
        "console/duties_wall.html",
        community=community,
        communities=communities,
        page=page,
        args={"cursor": None, **args, "community_id": community.id},
    )


@bp.post("/duties/wall/<int:entry_id>/<any(hide, show):move>")
@staff_required
def duties_wall_move(entry_id: int, move: str):
    community, _ = chosen_community(page_args(CommunityArgsSchema()))
    entry = set_hidden(current_staff(), entry_id, move == "hide")
    flash("已在公开的先锋墙上隐藏" if entry.hidden else "已恢复在先锋墙上显示", "success")
    return redirect(url_for("console.duties_wall", community_id=community.id))
