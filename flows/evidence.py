"""Reading the proofs: which materials state what was paid, and the amounts they state.

需核实缴纳的实际金额: the amounts come from the text of each 缴费票据 (实缴学费) and of the
借款合同 (借款本金合计), downloaded with the browser's own session, never from what the student
typed.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal

from playwright.sync_api import Page
from pypdf import PdfReader

from pages.values import amount

from .errors import ApplicationError

#: How a proof's amount was read: from the PDF's text layer, or by OCR of a scan.
TEXT, OCR = "文本", "OCR"

RECEIPT_AMOUNT = re.compile(r"实缴学费[:：]\s*([\d,]+\.\d{2})")
LOAN_PRINCIPAL = re.compile(r"借款本金合计[:：]\s*([\d,]+\.\d{2})")


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


def download_material(page: Page, base_url: str, title: str, href: str) -> bytes:
    """The PDF behind a material's 下载 link, fetched with the browser's session."""
    response = page.request.get(base_url.rstrip("/") + href.split("?")[0])
    if not response.ok or "pdf" not in response.headers.get("content-type", ""):
        raise ApplicationError(f"无法读取证明材料“{title}”：HTTP {response.status}")
    return response.body()


@dataclass(frozen=True)
class ProofReading:
    """What one proof that states a payment says it paid, and how sure the reading is."""

    title: str
    amount: Decimal | None  # None: the proof states no amount that could be read
    method: str  # TEXT or OCR
    confidence: float  # 1.0 for a text layer; for OCR, how sure the recogniser was (0–1)


def read_proof(title: str, data: bytes) -> ProofReading:
    """The amount one downloaded proof states."""
    return ProofReading(title, paid_amount_in(pdf_text(data)), TEXT, 1.0)


def read_proofs(page: Page, base_url: str, materials: dict[str, str]) -> list[ProofReading]:
    """One reading per material that states what was paid (``materials``: the detail page's
    {材料名称: 下载地址}), in the page's order."""
    return [
        read_proof(title, download_material(page, base_url, title, href))
        for title, href in materials.items()
        if states_paid_amount(title)
    ]


def paid_amounts(page: Page, base_url: str, materials: dict[str, str]) -> dict[str, Decimal]:
    """{材料名称: 实缴金额} for every material whose amount could be read."""
    return {
        r.title: r.amount for r in read_proofs(page, base_url, materials) if r.amount is not None
    }
