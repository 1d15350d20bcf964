"""Plain-text tables that line up with Chinese text (wide characters count as two columns)."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` columns, ending with … when cut."""
    if width(text) <= limit:
        return text
    out = ""
    for char in text:
        if width(out + char) > limit - 1:
            break
        out += char
    return out + "…"


def cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return "—" if math.isnan(value) else f"{value:,.1f}"
    return str(value)


def render(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Left-aligned first column, right-aligned numbers; a rule under the header."""
    table = [list(headers)] + [[cell(v) for v in row] for row in rows]
    widths = [max(width(r[i]) for r in table) for i in range(len(headers))]

    def line(values: list[str]) -> str:
        parts = []
        for i, text in enumerate(values):
            pad = " " * (widths[i] - width(text))
            parts.append(text + pad if i == 0 else pad + text)
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(table[0]), rule, *(line(r) for r in table[1:])])
