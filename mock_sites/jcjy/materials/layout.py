"""The layout model: a top-down page of text lines and rules, drawn on a ``Surface``.

Chinese text uses the built-in CID font STSong-Light; every run of ASCII characters (all amounts,
dates and numbers) is drawn in Helvetica so that PDF text extraction returns it verbatim.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

FONT_CN = "STSong-Light"
FONT_NUM = "Helvetica"
PAGE_SIZE = A4
_MARGIN = 60
_ASCII_RUN = re.compile(r"[\x20-\x7e¥]+|[^\x20-\x7e¥]+")
_TOKEN = re.compile(r"[!-~¥]+|\s|[^\x20-\x7e¥]")

Run = tuple[str, str]  # (text, font)


class Surface(Protocol):
    """Where a layout is drawn: y grows upwards from the page's bottom edge, as in PDF."""

    def text(self, x: float, y: float, runs: list[Run], size: float) -> None:
        """One line at (x, y) made of (text, font) runs."""

    def rule(self, x1: float, x2: float, y: float) -> None: ...

    def next_page(self) -> None: ...


@cache
def _register_fonts() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT_CN))


def _font_for(run: str) -> str:
    return FONT_NUM if run[0].isascii() or run[0] == "¥" else FONT_CN


class Page:
    """Top-down text layout with automatic font switching and wrapping."""

    def __init__(self, surface: Surface) -> None:
        _register_fonts()  # the widths of Chinese runs come from the CID font
        self.surface = surface
        self.width, self.height = PAGE_SIZE
        self.y = self.height - _MARGIN

    def _width(self, text: str, size: float) -> float:
        return sum(
            pdfmetrics.stringWidth(run, _font_for(run), size) for run in _ASCII_RUN.findall(text)
        )

    def _draw(self, x: float, text: str, size: float) -> None:
        self.surface.text(x, self.y, [(run, _font_for(run)) for run in _ASCII_RUN.findall(text)], size)

    def _advance(self, height: float) -> None:
        self.y -= height
        if self.y < _MARGIN:
            self.surface.next_page()
            self.y = self.height - _MARGIN - height

    def title(self, text: str, size: float = 18) -> None:
        self._advance(size)
        self._draw((self.width - self._width(text, size)) / 2, text, size)
        self._advance(size * 0.6)

    def line(self, text: str, size: float = 11, indent: float = 0) -> None:
        """One line of text, wrapped at token boundaries when it is too wide."""
        for part in self._wrap(text, size, self.width - 2 * _MARGIN - indent):
            self._advance(size * 1.7)
            self._draw(_MARGIN + indent, part, size)

    def field(self, label: str, value: str | int, size: float = 11) -> None:
        self.line(f"{label}：{value}", size)

    def paragraph(self, text: str, size: float = 11) -> None:
        """Wrapped text; the first line is indented by two characters."""
        self.line("\u3000\u3000" + text, size)

    def _wrap(self, text: str, size: float, limit: float) -> list[str]:
        if self._width(text, size) <= limit:  # most lines fit: measured once, not per token
            return [text] if text.strip() else []
        lines, current, width = [], "", 0.0
        for token in _TOKEN.findall(text):
            token_width = self._width(token, size)
            if width + token_width > limit and current.strip():
                lines.append(current)
                current, width = "", 0.0
                if token.isspace():
                    continue
            current += token
            width += token_width
        if current.strip():
            lines.append(current)
        return lines

    def gap(self, height: float = 8) -> None:
        self._advance(height)

    def rule(self) -> None:
        self._advance(6)
        self.surface.rule(_MARGIN, self.width - _MARGIN, self.y)
