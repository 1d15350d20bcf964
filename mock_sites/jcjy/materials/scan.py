"""The scan back-end: a material as a phone photo of the printed page, in an image-only PDF.

The page is drawn with Pillow (CJK font ``fonts-wqy-microhei``, installed by ``make setup``),
turned a little (±1–3°), greyed, blurred and sprinkled with noise, saved as JPEG and embedded as
the PDF's only content: no text layer, as when a student photographs a receipt. Same material,
same bytes (the randomness is seeded from the material).
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from functools import cache
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from .layout import PAGE_SIZE, Page, Run

#: Pixels per PDF point (about 160 dpi: what a phone photo of an A4 page gives after cropping).
SCALE = 2.2
_FONT_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)
_JPEG_QUALITY = 70


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    for path in _FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    raise RuntimeError("缺少中文字体（fonts-wqy-microhei），无法生成扫描件：请运行 make setup")


class _ImageSurface:
    """Draws the layout on white pages of SCALE pixels per point."""

    def __init__(self) -> None:
        width, height = PAGE_SIZE
        self.size = (round(width * SCALE), round(height * SCALE))
        self.pages: list[Image.Image] = []
        self.next_page()

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return x * SCALE, (PAGE_SIZE[1] - y) * SCALE

    def text(self, x: float, y: float, runs: list[Run], size: float) -> None:
        draw = ImageDraw.Draw(self.pages[-1])
        font = _font(round(size * SCALE))
        left, baseline = self._xy(x, y)
        text = "".join(run for run, _ in runs)
        draw.text((left, baseline), text, fill=20, font=font, anchor="ls")

    def rule(self, x1: float, x2: float, y: float) -> None:
        draw = ImageDraw.Draw(self.pages[-1])
        draw.line([self._xy(x1, y), self._xy(x2, y)], fill=40, width=max(1, round(SCALE / 2)))

    def next_page(self) -> None:
        self.pages.append(Image.new("L", self.size, 255))


def _photographed(page: Image.Image, rng: random.Random) -> Image.Image:
    """The page as a phone photo: turned ±1–3°, uneven grey paper, soft focus, sensor noise."""
    angle = rng.uniform(1.0, 3.0) * rng.choice((-1, 1))
    turned = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=205)
    shade = Image.linear_gradient("L").resize(turned.size).point(lambda v: 255 - v // 8)
    if rng.random() < 0.5:
        shade = shade.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    photo = ImageChops.multiply(turned, shade)
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.1)))
    width, height = photo.size
    noise = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    noise = noise.point(lambda v: 128 + (v - 128) * 22 // 128)  # about ±22 grey levels
    return ImageChops.add(photo, noise, scale=1.0, offset=-128)


def render_scan_images(draw: Callable[[Page], None], seed: str) -> list[Image.Image]:
    """The photographed pages of what ``draw`` lays out."""
    surface = _ImageSurface()
    draw(Page(surface))
    rng = random.Random(seed)
    return [_photographed(page, rng) for page in surface.pages]


def jpeg_bytes(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=_JPEG_QUALITY)
    return buf.getvalue()


def render_scan_pdf(draw: Callable[[Page], None], *, seed: str, title: str, author: str) -> bytes:
    """An image-only PDF: each page one JPEG filling an A4 page, no text at all."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=PAGE_SIZE, invariant=1)
    pdf.setTitle(title)
    pdf.setAuthor(author)
    for image in render_scan_images(draw, seed):
        reader = ImageReader(io.BytesIO(jpeg_bytes(image)))
        pdf.drawImage(reader, 0, 0, *PAGE_SIZE, preserveAspectRatio=True)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()
