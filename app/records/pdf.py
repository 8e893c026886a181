"""What the records' PDFs share: the Chinese font, the A4 page, the paragraph and table
styles, and the document built to bytes (reportlab's platypus)."""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Sequence
from datetime import datetime
from xml.sax.saxutils import escape

from flask import current_app
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.clock import BEIJING

log = logging.getLogger(__name__)
FALLBACK_FONT = "STSong-Light"
_fonts: dict[str, str] = {}  # font file path -> the name it is registered under


def font_name() -> str:
    """The registered name of the configured font, registered once per process and path."""
    path = current_app.config["PDF_FONT_PATH"]
    if path not in _fonts:
        _fonts[path] = _register(path)
    return _fonts[path]


def _register(path: str) -> str:
    if os.path.isfile(path):
        name = f"RecordFont{len(_fonts)}"
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        return name
    log.warning("PDF font %s not found: using the built-in %s", path, FALLBACK_FONT)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return FALLBACK_FONT


class Styles:
    def __init__(self) -> None:
        font = font_name()
        self.font = font
        self.title = ParagraphStyle(
            "title", fontName=font, fontSize=20, leading=28, alignment=TA_CENTER, spaceAfter=4 * mm
        )
        self.subtitle = ParagraphStyle(
            "subtitle",
            fontName=font,
            fontSize=10,
            leading=14,
            alignment=TA_CENTER,
            textColor=colors.grey,
        )
        self.heading = ParagraphStyle(
            "heading",
            fontName=font,
            fontSize=13,
            leading=18,
            spaceBefore=5 * mm,
            spaceAfter=2 * mm,
            textColor=colors.HexColor("#b71c1c"),
        )
        self.body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16)
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=9.5, leading=13)

    def p(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text (escaped), line breaks kept."""
        shown = escape("" if text is None else str(text)).replace("\n", "<br/>")
        return Paragraph(shown, style or self.body)

    def table(
        self, rows: Sequence[Sequence[object]], widths: Sequence[float], header: bool = True
    ) -> Table:
        """A ruled table of plain-text cells; the first row shaded as a header."""
        cells = [[self.p(value, self.cell) for value in row] for row in rows]
        table = Table(cells, colWidths=[w * mm for w in widths], repeatRows=1 if header else 0)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#fbe9e7")))
        table.setStyle(TableStyle(style))
        return table

    def empty(self, text: str = "无") -> Paragraph:
        return self.p(text, ParagraphStyle("empty", parent=self.cell, textColor=colors.grey))


def build(story: list[Flowable], title: str) -> bytes:
    """The story as an A4 PDF with page numbers."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        title=title,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    font = font_name()

    def number(canvas, document) -> None:
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"{title} · 第 {document.page} 页")

    doc.build(story, onFirstPage=number, onLaterPages=number)
    return out.getvalue()


def spacer(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)


def day(value: datetime | None) -> str:
    """A Beijing date as 2026年12月05日."""
    return value.astimezone(BEIJING).strftime("%Y年%m月%d日") if value else ""
