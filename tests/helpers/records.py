"""反馈卡 and 纪实手册 for the API and console tests: issuing over HTTP, and a PDF's text."""

from __future__ import annotations

import io

from pypdf import PdfReader

from tests.helpers.api import call

CARD_BODY = {"from": "2026-01-01", "to": "2026-12-31", "evaluation": "excellent",
             "comment": "服务群众积极主动，认真兑现承诺。"}  # fmt: skip


def cards_path(member) -> str:
    return f"/staff/members/{member.id}/feedback-cards"


def issue(client, staff, member, **overrides):
    return call(client, staff, "post", cards_path(member), {**CARD_BODY, **overrides})


def pdf_text(data: bytes) -> str:
    """Every page's extracted text, the pages joined, spaces and line breaks removed (a
    table's cells are laid out apart)."""
    assert data.startswith(b"%PDF-"), data[:20]
    reader = PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    return "".join(text.split())
