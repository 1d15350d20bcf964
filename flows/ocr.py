"""Text of a scanned proof (a PDF without a text layer): its embedded page image, straightened and
cleaned, read line by line by tesseract with Debian's ``tesseract-ocr-chi-sim`` model.

tesseract runs in the process (tesserocr), one engine per reading thread, its model loaded once:
the command line (pytesseract) loads the model and writes and reads an image file for every
page, and took 1.6 times as long a scan for the same readings (60 scans, seed 7)."""

from __future__ import annotations

import glob
import io
import os
import statistics
import threading
from typing import TYPE_CHECKING

from PIL import Image, ImageDraw, ImageFilter, ImageOps
from pypdf import PdfReader

from .errors import ApplicationError

if TYPE_CHECKING:
    from tesserocr import PyTessBaseAPI

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


#: Where Debian's tesseract-ocr-chi-sim puts its model (``TESSDATA_PREFIX`` overrides).
TESSDATA_GLOB = "/usr/share/tesseract-ocr/*/tessdata"
_engines = threading.local()


def _missing(why: str) -> ApplicationError:
    return ApplicationError(f"无法识别扫描件：{why}（请运行 make setup 安装 tesseract-ocr 与 tesseract-ocr-chi-sim）")


def tessdata() -> str:
    """The folder holding ``chi_sim.traineddata``."""
    found = [os.environ["TESSDATA_PREFIX"]] if os.environ.get("TESSDATA_PREFIX") else sorted(glob.glob(TESSDATA_GLOB))
    for folder in reversed(found):
        if os.path.isfile(os.path.join(folder, f"{LANGUAGE}.traineddata")):
            return folder.rstrip("/") + "/"
    raise _missing(f"找不到 {LANGUAGE}.traineddata")


def _engine() -> PyTessBaseAPI:
    """This thread's tesseract, its model loaded (one thread each: the machine runs browsers too)."""
    engine = getattr(_engines, "api", None)
    if engine is None:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # before tesseract starts OpenMP
        try:
            import tesserocr
        except ImportError as exc:
            raise _missing(str(exc)) from exc
        try:
            engine = tesserocr.PyTessBaseAPI(path=tessdata(), lang=LANGUAGE, psm=tesserocr.PSM.SINGLE_BLOCK)
        except RuntimeError as exc:
            raise _missing(str(exc)) from exc
        _engines.api = engine
    return engine


def ocr_lines(data: bytes) -> list[str]:
    """The recognised lines of every page of a scanned PDF, top to bottom."""
    engine = _engine()
    lines: list[str] = []
    for image in page_images(data):
        engine.SetImage(cleaned(image))
        lines += [line.strip() for line in engine.GetUTF8Text().splitlines() if line.strip()]
    return lines
