"""Scanned proofs: image-only PDFs of the mock, read by OCR; the amount read right, or the reading
unsure, never a confidently wrong amount. Text PDFs are still read from their text layer."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from pypdf import PdfReader

from flows import ocr
from flows.errors import ApplicationError
from flows.evidence import OCR, SURE, TEXT, read_proof
from mock_sites.jcjy.cases import KIND_LOAN_CONTRACT, Application, Material
from mock_sites.jcjy.generator import generate_applications
from mock_sites.jcjy.materials import render_material, render_material_preview
from pages.values import amount_in_capitals

#: A handful of scans (OCR takes 1–3 s each): receipts and a loan contract, from two seeds.
SCANS_PER_SEED = 3


def _paid(app: Application, material: Material) -> Decimal:
    if material.kind == KIND_LOAN_CONTRACT:
        return Decimal(sum(y.loan_principal for y in app.years))
    return Decimal(next(y.receipt_amount for y in app.years if y.year_index == material.year_index))


def _scans(seed: int) -> list[tuple[Application, Material]]:
    found = [(a, m) for a in generate_applications(seed, 60) for m in a.materials if m.scanned]
    loans = [f for f in found if f[1].kind == KIND_LOAN_CONTRACT][:1]
    return loans + [f for f in found if f not in loans][: SCANS_PER_SEED - len(loans)]


@pytest.mark.parametrize("seed", [3, 2024])
def test_scans_are_read_right_or_marked_unsure(seed: int) -> None:
    scans = _scans(seed)
    assert len(scans) == SCANS_PER_SEED
    for app, material in scans:
        data = render_material(app, material)
        assert not "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).strip()
        reading = read_proof(material.title, data)
        assert reading.method == OCR
        if reading.confidence >= SURE:
            assert reading.amount == _paid(app, material), (material.title, reading)


def test_text_pdfs_are_still_read_as_text() -> None:
    app = next(a for a in generate_applications(3, 40) if any(
        m.kind == "缴费票据" and not m.scanned for m in a.materials))
    material = next(m for m in app.materials if m.kind == "缴费票据" and not m.scanned)
    reading = read_proof(material.title, render_material(app, material))
    assert (reading.amount, reading.method, reading.confidence) == (_paid(app, material), TEXT, 1.0)


def test_scans_are_the_same_bytes_each_time_and_previewed_as_a_photo() -> None:
    app, material = _scans(3)[0]
    assert render_material(app, material) == render_material(app, material)
    image, mimetype = render_material_preview(app, material)
    assert mimetype == "image/jpeg" and image.startswith(b"\xff\xd8")


@pytest.mark.parametrize(("text", "value"), [
    ("捌仟元整", 8000), ("壹万零伍佰元整", 10500), ("贰万伍仟元整", 25000), ("零元整", 0),
    ("拾元整", 10), ("击什元整", None), ("捌仟", None),
])
def test_amounts_in_capitals(text: str, value: int | None) -> None:
    assert amount_in_capitals(text) == (None if value is None else Decimal(value))


def test_without_the_chinese_model_the_message_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    with pytest.raises(ApplicationError, match="make setup.*tesseract-ocr-chi-sim"):
        ocr.tessdata()


def test_scans_read_on_two_threads_at_once_read_as_on_one() -> None:
    scans = _scans(3)[:2]
    datas = [(m.title, render_material(a, m)) for a, m in scans]
    alone = [ocr.ocr_lines(data) for _, data in datas]
    with ThreadPoolExecutor(2) as pool:  # each thread has its own engine
        together = list(pool.map(lambda item: ocr.ocr_lines(item[1]), datas))
    assert together == alone
