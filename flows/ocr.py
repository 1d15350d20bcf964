"""Text of a scanned proof (a PDF without a text layer): its embedded page image, straightened and
cleaned, read by tesseract (Debian ``tesseract-ocr`` + ``tesseract-ocr-chi-sim``) line by line."""

from __future__ import annotations

import io
import os
import statistics

import pytesseract
from PIL import Image, ImageDraw, ImageFilter, ImageOps
from pypdf import PdfReader

from .errors import ApplicationError

LANGUAGE = "chi_sim"
#: Skew angles tried when straightening a photo (degrees, in steps of a quarter degree).
MAX_SKEW = 4.0
_SKEW_STEP = 0.25
_INK = 160  # grey level below which a pixel is ink
#: A row with more ink than this share is a printed rule, not text: it is whitened before OCR
#: (a rule touching a line of text makes tesseract misread that line).
_RULE_INK = 0.3


def page_images(data: bytes) -> list[Image.Image]:
    """The largest embedded image of each page (a scan is one image per page)."""
    reader = PdfReader(io.BytesIO(data))
    result = []
    for page in reader.pages:
        images = [item.image for item in page.images if item.image is not None]
        if images:
            result.append(max(images, key=lambda im: im.width * im.height))
    return result


def _skew(image: Image.Image) -> float:
    """The rotation that makes the text lines horizontal: the angle whose row profile (ink per
    row, on a quarter-size copy) varies most."""
    small = image.resize((max(image.width // 4, 1), max(image.height // 4, 1)))
    ink = ImageOps.invert(small.point(lambda v: 255 if v > _INK else 0))
    steps = round(MAX_SKEW / _SKEW_STEP)

    def spread(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX)
        return statistics.pvariance(rows.get_flattened_data())

    return max((k * _SKEW_STEP for k in range(-steps, steps + 1)), key=spread)


def _without_rules(image: Image.Image) -> Image.Image:
    """``image`` (black on white) with the rows of printed rules whitened."""
    profile = image.resize((1, image.height), Image.Resampling.BOX).get_flattened_data()
    draw = ImageDraw.Draw(image)
    for row, mean in enumerate(profile):
        if mean < 255 * (1 - _RULE_INK):
            draw.line([(0, row), (image.width, row)], fill=255)
    return image


def _despeckled(ink: Image.Image) -> Image.Image:
    """The 3×3 median of a black-and-white image (noise specks gone): on two levels the median
    is the majority of the nine pixels, i.e. their mean thresholded at the middle, which a box
    blur gives several times faster than a median filter (the same pixels, borders aside)."""
    return ink.filter(ImageFilter.BoxBlur(1)).point(lambda v: 255 if v >= 128 else 0)


def cleaned(image: Image.Image) -> Image.Image:
    """Grey, straightened, noise and printed rules removed, black on white.

    Thresholding before the median gives what the median before thresholding gives: a median
    commutes with any monotone map of grey levels."""
    grey = image.convert("L")
    straight = grey.rotate(_skew(grey), resample=Image.Resampling.BICUBIC, fillcolor=255)
    return _without_rules(_despeckled(straight.point(lambda v: 255 if v > _INK else 0)))


def ocr_lines(data: bytes) -> list[str]:
    """The recognised lines of every page of a scanned PDF, top to bottom."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one thread: the machine runs browsers too
    lines: list[str] = []
    for image in page_images(data):
        try:
            text = pytesseract.image_to_string(cleaned(image), lang=LANGUAGE, config="--psm 6")
        except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError) as exc:
            raise ApplicationError(
                f"无法识别扫描件：{exc}（请运行 make setup 安装 tesseract-ocr 与 tesseract-ocr-chi-sim）"
            ) from exc
        lines += [line.strip() for line in text.splitlines() if line.strip()]
    return lines
