"""Communities and the service catalog: public, no token needed."""

from app.catalog import queries as catalog_queries
from app.catalog.schemas import CatalogArgsSchema, CatalogSchema
from app.org import queries as org_queries
from app.org.schemas import CommunityDetailSchema, CommunityPageSchema
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.ready import ready_answer

blp = Blueprint("catalog", __name__, description="社区与服务清单（无需登录）")


@blp.get("/communities")
@ready_answer(org_queries.COMMUNITIES)
@blp.arguments(PageArgsSchema, location="query", as_kwargs=True)
@blp.response(200, CommunityPageSchema)
def list_communities(limit, cursor=None):
    """社区列表（按 id 升序）"""
    return org_queries.list_communities(limit, cursor)


@blp.get("/communities/<int:community_id>")
@ready_answer(org_queries.COMMUNITIES)
@blp.response(200, CommunityDetailSchema)
def get_community(community_id):
    """社区详情：所属街道、网格与楼栋"""
    return org_queries.get_community(community_id)


@blp.get("/catalog")
@ready_answer(catalog_queries.CATALOG)
@blp.arguments(CatalogArgsSchema, location="query", as_kwargs=True)
@blp.response(200, CatalogSchema)
def get_catalog(kind=None):
    """服务清单：公共服务、社会服务、志愿服务，各分类下的在用服务项目"""
    return catalog_queries.catalog(kind)
