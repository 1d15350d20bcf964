"""Reading the proofs: which materials state what was paid, and the amounts they state.

需核实缴纳的实际金额: the amounts come from the text of each 缴费票据 (实缴学费) and of the
借款合同 (借款本金合计), downloaded with the browser's own session, never from what the student
typed.

A proof with no text layer is a scan: :mod:`flows.ocr` reads it, and the reading says how sure it
is from how the amounts on the page agree with one another (a receipt prints its amount in
figures four times and once in capitals; a loan contract's 借款本金合计 is the sum of its rows and
is printed in capitals too). A reading below :data:`SURE` must be checked by a person.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import httpx
from playwright.sync_api import Page
from pypdf import PdfReader

from pages.values import amount, amount_in_capitals

from . import ocr
from .errors import ApplicationError, LoginExpired

#: How a proof's amount was read: from the PDF's text layer, or by OCR of a scan.
TEXT, OCR = "文本", "OCR"

RECEIPT_AMOUNT = re.compile(r"实缴学费[:：]\s*([\d,]+\.\d{2})")
LOAN_PRINCIPAL = re.compile(r"借款本金合计[:：]\s*([\d,]+\.\d{2})")
#: An OCR reading at least this sure may be trusted; below it a person must look.
SURE = 0.8
#: How sure an OCR reading is when the amount in capitals agrees with the figures; when the
#: figures agree with one another (a loan contract: its rows add up to the total); when only
#: some figures could be read; when they disagree or nothing could be read.
CAPITALS_AGREE, FIGURES_AGREE, FIGURES_PARTLY, UNSURE = 0.99, 0.9, 0.6, 0.2
#: A receipt prints its amount in figures this many times (two in the table, 实缴, 小写).
RECEIPT_FIGURES = 4
_FIGURES = re.compile(r"(?<![\d.])\d[\d,]*\.\d{2}(?!\d)")
_CAPITALS = re.compile(r"([零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元[整正]?)")
_DATE = re.compile(r"20\d\d\s*[-.年]\s*\d{1,2}\s*[-.月]\s*\d{1,2}")
_SCHOOL_YEAR = re.compile(r"^\D{0,3}20\d\d\s*[-.—–]?\s*20\d\d")


def states_paid_amount(title: str) -> bool:
    """Whether the material titled ``title`` states what was paid (a 缴费票据 or the 借款合同)."""
    return "票据" in title or "借款合同" in title


def paid_amount_in(text: str) -> Decimal | None:
    """The amount paid that a proof's text states (None when it states none)."""
    match = RECEIPT_AMOUNT.search(text) or LOAN_PRINCIPAL.search(text)
    return amount(match[1]) if match else None


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, page after page."""
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


#: Fetches one material's PDF: (材料名称, 下载地址) → its bytes.
Fetch = Callable[[str, str], bytes]
#: Keeps one downloaded material: (its place on the page from 1, 材料名称, PDF).
Keep = Callable[[int, str, bytes], None]
_FETCH_TIMEOUT_S = 30.0


def _material_url(base_url: str, href: str) -> str:
    return base_url.rstrip("/") + href.split("?")[0]


def _pdf(title: str, status: int, headers: Mapping[str, str], body: Callable[[], bytes]) -> bytes:
    if 300 <= status < 400:
        raise LoginExpired(f"无法读取证明材料“{title}”：登录已超时")
    if not 200 <= status < 300 or "pdf" not in headers.get("content-type", ""):
        raise ApplicationError(f"无法读取证明材料“{title}”：HTTP {status}")
    return body()


def browser_fetch(page: Page, base_url: str) -> Fetch:
    """Materials fetched by the browser's own request context (its thread only)."""

    def fetch(title: str, href: str) -> bytes:
        response = page.request.get(_material_url(base_url, href), max_redirects=0)
        return _pdf(title, response.status, response.headers, response.body)

    return fetch


def session_fetch(page: Page, base_url: str) -> Fetch:
    """Materials fetched over plain HTTP with the browser's session as it is now (its cookies for
    ``base_url``): from any thread, so downloads wait neither for nor on the browser."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in page.context.cookies(base_url))

    def fetch(title: str, href: str) -> bytes:
        try:
            response = _http().get(_material_url(base_url, href), headers={"Cookie": cookie})
        except httpx.HTTPError as exc:
            raise ApplicationError(f"无法读取证明材料“{title}”：{type(exc).__name__}") from exc
        return _pdf(title, response.status_code, response.headers, lambda: response.content)

    return fetch


@cache
def _http() -> httpx.Client:
    """One client for the process (httpx clients are thread-safe), redirects not followed: a
    redirect means the login has expired."""
    return httpx.Client(follow_redirects=False, timeout=_FETCH_TIMEOUT_S)


@dataclass(frozen=True)
class ProofReading:
    """What one proof that states a payment says it paid, and how sure the reading is."""

    title: str
    amount: Decimal | None  # None: the proof states no amount that could be read
    method: str  # TEXT or OCR
    confidence: float  # 1.0 for a text layer; for OCR, how sure the recogniser was (0–1)


#: Readings of scans kept (a few hundred bytes each), by title and SHA-256 of the PDF.
_SCAN_READINGS_KEPT = 4096
_scan_readings: dict[tuple[str, bytes], ProofReading] = {}
_scan_readings_lock = threading.Lock()


def read_proof(title: str, data: bytes) -> ProofReading:
    """The amount one downloaded proof states: from its text layer, else by OCR of the scan.

    A scan already read in this process (the same title and bytes: a retry, a re-export) is not
    read again: OCR takes about a second a page, the reading is a function of the bytes."""
    text = pdf_text(data)
    if text.strip():
        return ProofReading(title, paid_amount_in(text), TEXT, 1.0)
    key = (title, hashlib.sha256(data).digest())
    with _scan_readings_lock:
        known = _scan_readings.get(key)
    if known is not None:
        return known
    lines = ocr.ocr_lines(data)
    value, sure = _loan_reading(lines) if "借款合同" in title else _receipt_reading(lines)
    reading = ProofReading(title, value, OCR, sure)
    with _scan_readings_lock:
        _scan_readings[key] = reading
        while len(_scan_readings) > _SCAN_READINGS_KEPT:
            del _scan_readings[next(iter(_scan_readings))]  # the oldest
    return reading


def _figures(line: str) -> list[Decimal]:
    """The amounts in figures on one recognised line (dates left out: 2024.09.01 is no amount)."""
    return [amount(m) for m in _FIGURES.findall(_DATE.sub(" ", line))]


def _capitals(lines: list[str]) -> Decimal | None:
    """The amount in capitals on the page, if one reads as a valid amount."""
    for line in lines:
        for match in _CAPITALS.findall(line.replace(" ", "")):
            value = amount_in_capitals(match)
            if value is not None:
                return value
    return None


def _sure(value: Decimal, lines: list[str], figures_agree: bool, partly: bool) -> float:
    if _capitals(lines) == value:
        return CAPITALS_AGREE
    return FIGURES_AGREE if figures_agree else FIGURES_PARTLY if partly else UNSURE


def _receipt_reading(lines: list[str]) -> tuple[Decimal | None, float]:
    """实缴学费 of a scanned receipt: every figure on it is the same amount."""
    figures = [value for line in lines for value in _figures(line)]
    if not figures:
        return None, 0.0
    value = max(set(figures), key=figures.count)
    agree = figures.count(value)
    alone = agree == len(figures)
    return value, _sure(value, lines, alone and agree >= RECEIPT_FIGURES - 1, alone and agree > 1)


def _loan_reading(lines: list[str]) -> tuple[Decimal | None, float]:
    """借款本金合计 of a scanned loan contract, checked against the sum of its rows."""
    totals = [v for line in lines if "合计" in line or "本金" in line for v in _figures(line)]
    rows = [_figures(line) for line in lines if _SCHOOL_YEAR.match(line)]
    if not totals:
        return None, 0.0
    value = totals[0]
    rows_add_up = bool(rows) and all(len(r) == 1 for r in rows) and sum(r[0] for r in rows) == value
    return value, _sure(value, lines, rows_add_up, False)


def start_reading(page: Page, base_url: str, materials: dict[str, str]) -> Future[list[ProofReading]]:
    """One reading per material that states what was paid (``materials``: the detail page's
    {材料名称: 下载地址}), in the page's order: downloaded and read in the background with the
    browser's session while the caller goes on in the browser (e.g. previews the materials)."""
    return read_in_background(session_fetch(page, base_url), materials)


def read_materials(fetch: Fetch, materials: dict[str, str], keep: Keep | None = None) -> list[ProofReading]:
    """:func:`read_proof` of each material that states a payment, fetched with ``fetch``; with
    ``keep``, every material is fetched and handed to it first."""
    readings = []
    for seq, (title, href) in enumerate(materials.items(), start=1):
        if keep is None and not states_paid_amount(title):
            continue
        data = fetch(title, href)
        if keep is not None:
            keep(seq, title, data)
        if states_paid_amount(title):
            readings.append(read_proof(title, data))
    return readings


def read_in_background(fetch: Fetch, materials: dict[str, str], keep: Keep | None = None) -> Future[list[ProofReading]]:
    """:func:`read_materials` on one of the process's proof-reading threads (OCR is CPU work,
    done beside the browser)."""
    return _readers().submit(read_materials, fetch, materials, keep)


#: Threads that read proofs beside the browser (never the browser itself: Playwright's sync API
#: belongs to the thread that started it). As many as cores: the browser's thread mostly waits
#: on Firefox, and on 2 cores two readers exported 40 applications in 0.76 of the time one took.
READER_THREADS = max(1, min(4, os.cpu_count() or 2))


@cache
def _readers() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(READER_THREADS, thread_name_prefix="读取材料")


def paid_amounts(readings: list[ProofReading]) -> dict[str, Decimal]:
    """{材料名称: 实缴金额} for every proof whose amount could be read."""
    return {r.title: r.amount for r in readings if r.amount is not None}
