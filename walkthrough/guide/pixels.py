"""How different two screenshots are: how many pixels changed by more than a tolerance, and
where; and a picture of it (the current shot faded, the changed pixels in red).

The tolerance and the threshold are measured, not guessed: see docs/walkthrough.md
("图文操作指南 (guide)", 截图对比).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

#: A pixel counts as changed when one of its channels moved by more than this (of 255): the
#: faint edge pixels of a glyph do not count, its strokes do.
CHANNEL_TOLERANCE = 32
#: A shot counts as changed when more pixels than this changed. A count, not a share: text has
#: the same size in pixels at 1280×800 and 1920×1080 (measured: the same changes, the same
#: counts). Measured (docs/walkthrough.md): repaints of the same screen differ by 0 pixels; one
#: character of a button's label changed (登录 → 登入, 确认 → 确定) by 96–106, a two-character
#: label by 317–498. Half the smallest change. A timestamp shown on screen is content: its digits
#: changed up to 78 pixels, so a recording should mask such values as it masks secrets.
CHANGED_PIXELS = 48
HIGHLIGHT = (229, 57, 53)


@dataclass(frozen=True)
class PixelDifference:
    changed: int  # pixels (all of them when the sizes differ)
    share: float  # of the pixels that changed, 0…1
    box: tuple[int, int, int, int] | None  # left, top, right, bottom of the changed pixels

    @property
    def is_change(self) -> bool:
        return self.changed > CHANGED_PIXELS


def _changed_mask(previous: Image.Image, current: Image.Image) -> Image.Image:
    """1-bit mask of the pixels where some channel moved by more than the tolerance."""
    bands = ImageChops.difference(previous.convert("RGB"), current.convert("RGB")).split()
    largest = bands[0]
    for band in bands[1:]:
        largest = ImageChops.lighter(largest, band)
    return largest.point(lambda v: 255 if v > CHANNEL_TOLERANCE else 0, mode="1")


def difference(previous: Path, current: Path) -> PixelDifference:
    """How much ``current`` differs from ``previous`` (two PNG files)."""
    if previous.read_bytes() == current.read_bytes():  # most shots: no need to decode them
        return PixelDifference(0, 0.0, None)
    with Image.open(previous) as a, Image.open(current) as b:
        if a.size != b.size:
            return PixelDifference(b.size[0] * b.size[1], 1.0, (0, 0, *b.size))
        mask = _changed_mask(a, b)
        changed = mask.histogram()[255]
        return PixelDifference(changed, changed / (b.size[0] * b.size[1]), mask.getbbox())


def highlight(previous: Path, current: Path) -> bytes:
    """``current`` faded to a third, the pixels that changed since ``previous`` in red, their
    extent framed (a new size: framed whole); as PNG."""
    with Image.open(previous) as a, Image.open(current) as b:
        shown = Image.blend(b.convert("RGB"), Image.new("RGB", b.size, "white"), 0.67)
        draw = ImageDraw.Draw(shown)
        if a.size == b.size:
            mask = _changed_mask(a, b)
            shown.paste(Image.new("RGB", b.size, HIGHLIGHT), mask=mask)
            box = mask.getbbox()
        else:
            box = (0, 0, *b.size)
        if box is not None:
            left, top, right, bottom = box
            draw.rectangle((left - 6, top - 6, right + 5, bottom + 5), outline=HIGHLIGHT, width=3)
        out = io.BytesIO()
        shown.save(out, format="PNG")
    return out.getvalue()
