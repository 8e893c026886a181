"""Venues (驿路向东): list, nearby search, detail. Public, no token needed."""

from flask import jsonify

from app.venues import nearby
from app.venues import queries as venues
from app.venues.schemas import VenueDetailSchema, VenuePageSchema, VenueSearchArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.ready import ready_answer

blp = Blueprint("venues", __name__, description="红色驿站、党群服务中心等场所（无需登录）")


@blp.get("/venues")
@ready_answer(nearby.VENUES)
@blp.arguments(VenueSearchArgsSchema, location="query")
@blp.response(200, VenuePageSchema)
def list_venues(args):
    """场所列表；给出 lat、lng 时只列出 radius_m 米内的场所，由近及远"""
    if "lat" in args:
        return jsonify(nearby.nearby_page(args))  # items already dumped by VenueSchema
    return venues.list_venues(args)


@blp.get("/venues/<int:venue_id>")
@ready_answer(nearby.VENUES)
@blp.response(200, VenueDetailSchema)
def get_venue(venue_id):
    """场所详情：服务、设施、开放时间与导航信息"""
    return venues.get_venue(venue_id)
