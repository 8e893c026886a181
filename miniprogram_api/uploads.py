"""Image uploads: one call for every photo the mini-program sends (an order's, a completed
order's; staff also a venue's). The answer's `url` is what those fields accept."""

from app.api import errors
from app.limits import api_upload_limit
from app.requests import body_limit
from app.uploads import services
from app.uploads.schemas import UploadFormSchema, UploadSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("uploads", __name__, description="图片上传")


@blp.post("/uploads")
@errors(403, 429)
@auth_required()
@api_upload_limit
@body_limit("MAX_UPLOAD_BYTES")
@blp.arguments(UploadFormSchema, location="multipart")
@blp.response(201, UploadSchema)
def upload_image(form):
    """上传一张图片，返回的 url 可直接填入工单的 photos

    multipart/form-data：file、purpose。按内容识别 JPEG、PNG、WebP（与文件名无关），去除 EXIF
    等元数据（含 GPS）并按拍摄方向转正，另生成缩略图（长边至多 480 像素）。请求体超过
    MAX_UPLOAD_BYTES（默认 10 MB）为 413；不是完整的图片或像素过多为 422。order_photo
    任何登录用户可传，completion_photo 限党员，venue_photo 限社区工作人员，否则 403。
    每人每分钟至多 UPLOAD_RATE_LIMIT 张（默认 30），超过为 429。
    """
    return services.store_image(current_user(), form["file"].read(), form["purpose"])
