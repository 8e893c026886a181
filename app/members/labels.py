"""The Chinese names of member registration's words."""

from __future__ import annotations

from app.members.models import RegistrationStatus

REGISTRATION_STATUS_LABELS = {
    RegistrationStatus.PENDING: "待审核",
    RegistrationStatus.APPROVED: "已通过",
    RegistrationStatus.REJECTED: "已驳回",
}
