"""The SVG back-end: the 预览 image, pages stacked top to bottom, every text XML-escaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from .layout import FONT_CN, FONT_NUM, PAGE_SIZE, Page, Run

_SVG_FONTS = {
    FONT_CN: "'Noto Serif CJK SC','Source Han Serif SC','Noto Sans CJK SC','SimSun','Songti SC',serif",
    FONT_NUM: "Helvetica,Arial,'Liberation Sans',sans-serif",
}
_PAGE_GAP = 12.0
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """``text`` escaped for XML, without the control characters XML 1.0 cannot carry."""
    return escape(_NOT_XML.sub("", text))


class _SvgSurface:
    """Collects SVG elements per page."""

    def __init__(self) -> None:
        self.width, self.height = PAGE_SIZE
        self.pages: list[list[str]] = [[]]

    def _y(self, y: float) -> float:
        return (len(self.pages) - 1) * (self.height + _PAGE_GAP) + self.height - y

    def text(self, x: float, y: float, runs: list[Run], size: float) -> None:
        spans = "".join(
            f"<tspan font-family={quoteattr(_SVG_FONTS[font])}>{_xml_text(run)}</tspan>"
            for run, font in runs
        )
        self.pages[-1].append(f'<text x="{x:.1f}" y="{self._y(y):.1f}" font-size="{size:g}">{spans}</text>')

    def rule(self, x1: float, x2: float, y: float) -> None:
        y_svg = self._y(y)
        self.pages[-1].append(
            f'<line x1="{x1:.1f}" y1="{y_svg:.1f}" x2="{x2:.1f}" y2="{y_svg:.1f}" stroke="#000" stroke-width="0.5"/>'
        )

    def next_page(self) -> None:
        self.pages.append([])

    def document(self, title: str) -> str:
        total = len(self.pages) * (self.height + _PAGE_GAP) - _PAGE_GAP
        parts = [
            '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" xml:space="preserve"'
            f' width="{self.width:.0f}" height="{total:.0f}" viewBox="0 0 {self.width:.2f} {total:.2f}">',
            f"<title>{_xml_text(title)}</title>",
            '<rect width="100%" height="100%" fill="#dcdfe6"/>',
        ]
        for index, elements in enumerate(self.pages):
            top = index * (self.height + _PAGE_GAP)
            parts.append(f'<rect y="{top:.1f}" width="{self.width:.2f}" height="{self.height:.2f}" fill="#fff"/>')
            parts.extend(elements)
        parts.append("</svg>")
        return "\n".join(parts)


def render_svg(draw: Callable[[Page], None], *, title: str) -> str:
    """What ``draw`` lays out as one SVG document."""
    surface = _SvgSurface()
    draw(Page(surface))
    return surface.document(title)
