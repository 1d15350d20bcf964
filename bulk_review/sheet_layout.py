"""How wide the worksheet's columns and how tall its rows are, from what they hold: a Chinese
character takes two character widths (Excel's and LibreOffice's unit), so widths counted in
characters cut Chinese text off, and a wrapped cell shows only its first line unless its row is
written tall enough (neither Calc nor Excel grows a row when it opens a file)."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable

#: Points per line of text in the default 11-point font (CJK glyphs need a little more than 15).
LINE_PT = 16
HEADER_LINES = 2  # headers wrap onto two lines at most
MIN_WIDTH, MAX_WIDTH, PADDING = 6, 60, 2
#: A header also holds its filter button (about four character widths in Calc and Excel).
HEADER_ROOM = 5
#: Digits and Latin letters are a little wider than half a Chinese character in the fonts Calc
#: falls back on (a 学号 counted at one each broke over two lines).
NARROW = 1.2
MAX_ROW_PT = 409  # the tallest row Excel allows


def text_width(text: str) -> int:
    """Widths of the longest line of ``text``: two for a wide (CJK) character, a little over one
    otherwise."""
    return max((math.ceil(sum(2 if unicodedata.east_asian_width(c) in "WF" else NARROW for c in line))
                for line in text.split("\n")), default=0)


def fitted_width(header: str, values: Iterable[str]) -> int:
    """A column as wide as its widest value and its header (on at most two lines, beside its
    filter button), within bounds."""
    needed = max([math.ceil(text_width(header) / HEADER_LINES) + HEADER_ROOM,
                  *(text_width(value) + PADDING for value in values)])
    return max(MIN_WIDTH, min(MAX_WIDTH, needed))


def lines_in(text: str, width: int) -> int:
    """How many lines ``text`` takes, wrapped in a column ``width`` wide."""
    room = max(1, width - PADDING)
    return sum(max(1, math.ceil(text_width(line) / room)) for line in text.split("\n"))


def row_height(cells: Iterable[tuple[str, int]]) -> float:
    """Points for a row whose wrapped cells are ``(text, column width)``."""
    return min(MAX_ROW_PT, LINE_PT * max([1, *(lines_in(text, width) for text, width in cells)]))
