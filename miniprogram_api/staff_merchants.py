"""Staff and the merchants of their communities: the quarter's ranking by service points,
and the 社区信得过经营户 mark."""

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.merchants import queries, services
from app.merchants.schemas import MerchantSchema, RankingArgsSchema, RankingSchema, TrustedSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.merchants import merchant_in_reach
from miniprogram_api.security import auth_required, current_user

blp = Blueprint(
    "staff_merchants", __name__, description="社区管理商户：便民服务积分排名与信得过经营户"
)


@blp.get("/staff/merchants/ranking")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(RankingArgsSchema, location="query")
@blp.response(200, RankingSchema)
def ranking(args):
    """本季度（或 quarter，如 2026Q4）各商户所得便民服务积分，多的在前"""
    return queries.ranking(current_user(), args.get("quarter"), args.get("community_id"))


@blp.post("/staff/merchants/<int:merchant_id>/trusted")
@auth_required(*STAFF_ROLES)
@merchant_in_reach
@blp.arguments(TrustedSchema)
@blp.response(200, MerchantSchema)
def set_trusted(payload, merchant_id):
    """评定或取消社区信得过经营户（本社区的商户）"""
    return services.set_trusted(current_user(), merchant_id, payload["trusted"])
