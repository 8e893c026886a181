"""Chinese names of the uploads' words."""

from app.uploads.models import UploadPurpose

PURPOSE_LABELS = {
    UploadPurpose.ORDER_PHOTO: "工单照片",
    UploadPurpose.COMPLETION_PHOTO: "完成照片",
    UploadPurpose.VENUE_PHOTO: "场所照片",
}
