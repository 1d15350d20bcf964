"""An ApplicationRecord from the real 详情 HTML of the mock (what the export reads in a browser),
parsed with the standard library's HTML parser."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser

from flask.testing import FlaskClient

from bulk_review.record import ApplicationRecord
from flows.evidence import read_proof, states_paid_amount


class _Detail(HTMLParser):
    """dt/dd pairs, the fee rows, the materials' download links, 判断结果 and its reasons."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.fees: list[list[str]] = []
        self.materials: dict[str, str] = {}
        self.reasons: list[str] = []
        self.ids: dict[str, str] = {}
        self._text = self._tag = self._dt = ""
        self._attrs: dict[str, str | None] = {}
        self._row: list[str] | None = None
        self._in_fees = self._in_reasons = False
        self._preview: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self._tag, self._attrs, self._text = tag, attributes, ""
        if tag == "table" and "fees" in (attributes.get("class") or ""):
            self._in_fees = True
        if tag == "ul" and attributes.get("aria-label") == "不符合原因":
            self._in_reasons = True
        if tag == "tr" and self._in_fees:
            self._row = []
        if tag == "button" and attributes.get("data-preview-title"):
            self._preview = attributes

    def handle_endtag(self, tag: str) -> None:
        text = " ".join(self._text.split())
        if tag == "dt":
            self._dt = text
        elif tag == "dd" and self._dt:
            self.fields.setdefault(self._dt, text)
            self._dt = ""
        elif tag == "td" and self._row is not None:
            self._row.append(text)
        elif tag == "tr" and self._row:
            self.fees.append(self._row)
            self._row = None
        elif tag == "table":
            self._in_fees = False
        elif tag == "li" and self._in_reasons:
            self.reasons.append(text)
        elif tag == "ul":
            self._in_reasons = False
        elif tag == "span" and self._attrs.get("id"):
            self.ids[str(self._attrs["id"])] = text
        elif tag == "button" and self._preview is not None:
            title = str(self._preview["data-preview-title"])
            self.materials[title] = str(self._preview["data-download-url"])
            self._preview = None
        self._text = ""

    def handle_data(self, data: str) -> None:
        self._text += data


def record_from_detail(client: FlaskClient, app_id: int) -> ApplicationRecord:
    """GET 详情, parse it, download and read every proof that states a payment."""
    detail = _Detail()
    detail.feed(client.get(f"/review/applications/{app_id}").get_data(as_text=True))
    proofs = []
    for title, href in detail.materials.items():
        if states_paid_amount(title):
            response = client.get(href)
            assert response.status_code == 200, (title, response.status_code)
            proofs.append(read_proof(title, response.data))
    return ApplicationRecord(
        application_id=str(app_id),
        fields=detail.fields,
        claimed={year: Decimal(value) for year, value in detail.fees},
        proofs=proofs,
        system_result=detail.ids.get("judge-result", ""),
        system_reasons=detail.reasons,
        review_status=detail.ids.get("review-status", ""),
    )
