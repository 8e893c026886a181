"""Venues (驿路向东): list, nearby search, detail, the venue's mini-program code. Public, no
token needed."""

from flask import current_app, jsonify

from app.api import errors
from app.venues import codes, nearby
from app.venues import queries as venues
from app.venues.schemas import VenueDetailSchema, VenuePageSchema, VenueSearchArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.ready import ready_answer

blp = Blueprint("venues", __name__, description="红色驿站、党群服务中心等场所（无需登录）")

CODE_MAX_AGE = 24 * 3600  # the code never changes; a hidden venue's stops being served


@blp.get("/venues")
@ready_answer(nearby.VENUES)
@blp.arguments(VenueSearchArgsSchema, location="query")
@blp.response(200, VenuePageSchema)
def list_venues(args):
    """场所列表（不含已隐藏的场所）；给出 lat、lng 时只列出 radius_m 米内的场所，由近及远；
    open_now 为此刻是否开放"""
    if "lat" in args:
        return jsonify(nearby.nearby_page(args))  # items already dumped by VenueSchema
    return venues.list_venues(args)


@blp.get("/venues/<int:venue_id>")
@ready_answer(nearby.VENUES)
@blp.response(200, VenueDetailSchema)
def get_venue(venue_id):
    """场所详情：照片、图文介绍、服务、设施、开放时间（open_now 为此刻是否开放）与导航信息；
    已隐藏的场所 404"""
    return venues.get_venue(venue_id)


@blp.get("/venues/<int:venue_id>/qrcode")
@errors(503)
@blp.response(200, content_type="image/png")
def venue_qrcode(venue_id):
    """场所的小程序码（PNG）：扫码打开小程序里的该场所；已隐藏的场所 404，
    微信暂不可用时 503 WECHAT_UNAVAILABLE"""
    response = current_app.response_class(codes.venue_code(venue_id), mimetype="image/png")
    response.headers["Cache-Control"] = f"public, max-age={CODE_MAX_AGE}"
    return response
