"""The PDF back-end (reportlab): what 下载 gives and flows read the amounts from."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen import canvas

from .layout import PAGE_SIZE, Page, Run


class _PdfSurface:
    def __init__(self, pdf: canvas.Canvas) -> None:
        self.pdf = pdf

    def text(self, x: float, y: float, runs: list[Run], size: float) -> None:
        # One text object per line, so extractors keep the runs of a line together.
        text_object = self.pdf.beginText(x, y)
        for run, font in runs:
            text_object.setFont(font, size)
            text_object.textOut(run)
        self.pdf.drawText(text_object)

    def rule(self, x1: float, x2: float, y: float) -> None:
        self.pdf.setLineWidth(0.5)
        self.pdf.line(x1, y, x2, y)

    def next_page(self) -> None:
        self.pdf.showPage()


def render_pdf(draw: Callable[[Page], None], *, title: str, author: str) -> bytes:
    """The PDF bytes of what ``draw`` lays out; same layout, same bytes (``invariant``)."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=PAGE_SIZE, invariant=1)
    pdf.setTitle(title)
    pdf.setAuthor(author)
    draw(Page(_PdfSurface(pdf)))
    pdf.showPage()
    pdf.save()
    return buf.getvalue()
