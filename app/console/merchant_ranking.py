"""商户排名: the quarter's merchants by service points earned, with the 信得过 toggle."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from app.auth.permissions import managed_communities
from app.console.auth import current_staff, staff_required
from app.console.blueprint import bp
from app.console.forms import parse_form, run_query
from app.console.forms.merchants import RankingArgsSchema, TrustedFormSchema
from app.errors import ValidationError
from app.merchants import queries, services
from app.merchants.labels import CATEGORY


@bp.get("/merchants/ranking")
@staff_required
def merchant_ranking():
    actor = current_staff()
    args, errors, ranking = run_query(
        RankingArgsSchema(),
        lambda a: queries.ranking(actor, a.get("quarter"), a.get("community_id")),
    )
    communities = managed_communities(actor)
    return render_template(
        "console/merchant_ranking.html",
        ranking=ranking or {"quarter": request.args.get("quarter", ""), "items": []},
        args=args,
        errors=errors,
        communities=communities,
        names={c.id: c.name for c in communities},
        categories=CATEGORY,
    ), (422 if errors else 200)


@bp.post("/merchants/<int:merchant_id>/trusted")
@staff_required
def merchant_trusted(merchant_id: int):
    data, errors = parse_form(TrustedFormSchema(), request.form)
    if errors:
        raise ValidationError(details=errors)
    merchant = services.set_trusted(current_staff(), merchant_id, data["trusted"])
    done = "评为社区信得过经营户" if merchant.trusted else "取消了社区信得过经营户"
    flash(f"已将“{merchant.name}”{done}", "success")
    return redirect(url_for("console.merchant_ranking", quarter=request.args.get("quarter")))
