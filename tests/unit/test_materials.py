"""Proof materials: deterministic PDFs with extractable amounts, and their SVG previews."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from pypdf import PdfReader

from mock_sites.common.masking import mask_id, mask_mobile
from mock_sites.jcjy.cases import (
    KIND_AGREEMENT,
    KIND_EMPLOYMENT_PROOF,
    KIND_LABOR_CONTRACT,
    KIND_LOAN_CONTRACT,
    KIND_NO_CONTRACT,
    KIND_RECEIPT,
    MATERIAL_KINDS,
    Application,
    Material,
    YearPayment,
)
from mock_sites.jcjy.generator import generate_applications
from mock_sites.jcjy.materials import (
    material_filename,
    receipt_amount_text,
    render_material,
    render_material_svg,
    rmb_upper,
)

SVG = "{http://www.w3.org/2000/svg}"


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def app() -> Application:
    base = next(a for a in generate_applications(11, 40) if a.application_type == "学费补偿")
    years = [YearPayment(1, 9000, 8000), YearPayment(2, 8000, 8000), YearPayment(3, 8000, 8000)]
    return replace(base, schooling_years=3, years=years, service_years=3)


def test_amount_text_format() -> None:
    assert receipt_amount_text(8000) == "8000.00"
    assert receipt_amount_text(12345) == "12345.00"


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "零元整"),
        (8000, "捌仟元整"),
        (5300, "伍仟叁佰元整"),
        (10500, "壹万零伍佰元整"),
        (12000, "壹万贰仟元整"),
        (24000, "贰万肆仟元整"),
        (100005, "壹拾万零伍元整"),
        (1005, "壹仟零伍元整"),
    ],
)
def test_rmb_upper(amount: int, text: str) -> None:
    assert rmb_upper(amount) == text


def test_receipt_shows_the_amount_actually_paid(app: Application) -> None:
    text = pdf_text(render_material(app, Material(KIND_RECEIPT, "缴费票据", 1)))
    assert "中央非税收入统一票据" in text
    assert f"实缴学费：{receipt_amount_text(8000)} 元" in text
    assert "捌仟元整" in text
    assert "9000.00" not in text  # the student's claim is not on the receipt
    assert app.student_no in text and app.academic_year(1) in text


def test_receipt_for_unknown_year_is_an_error(app: Application) -> None:
    with pytest.raises(ValueError):
        render_material(app, Material(KIND_RECEIPT, "缴费票据", 9))


def test_agreement_states_employer_location_and_service(app: Application) -> None:
    text = pdf_text(render_material(app, Material(KIND_AGREEMENT, "就业协议书")))
    assert app.employer_name in text
    assert app.location in text
    assert "服务期限：3 年" in text
    # Documents show the 身份证号 masked: previews end up in screenshots and training videos.
    assert app.id_number not in text
    assert mask_id(app.id_number) in text


def test_labor_contract_states_period(app: Application) -> None:
    text = pdf_text(render_material(app, Material(KIND_LABOR_CONTRACT, "劳动合同")))
    assert "合同期限：3 年" in text
    assert f"{app.graduation_year + 3} 年 06 月 30 日" in text
    assert f"工作地点：{app.location}" in text


def test_employment_proof_and_no_contract_statement(app: Application) -> None:
    proof = pdf_text(render_material(app, Material(KIND_EMPLOYMENT_PROOF, "就业证明")))
    assert "服务期 3 年" in proof and app.post in proof
    statement = pdf_text(render_material(app, Material(KIND_NO_CONTRACT, "不签约情况说明")))
    assert "不少于 3 年" in statement and app.employer_name in statement


def test_loan_contract_lists_principal_per_year(app: Application) -> None:
    years = [YearPayment(i, 8000, 8000, 6000 + 1000 * i) for i in (1, 2, 3)]
    loan_app = replace(app, application_type="贷款代偿", years=years)
    text = pdf_text(render_material(loan_app, Material(KIND_LOAN_CONTRACT, "借款合同")))
    for amount in ("7000.00", "8000.00", "9000.00"):
        assert amount in text
    assert "借款本金合计：24000.00 元（贰万肆仟元整）" in text


@pytest.mark.parametrize("kind", MATERIAL_KINDS)
def test_every_kind_renders_deterministically(app: Application, kind: str) -> None:
    material = Material(kind, kind, 1 if kind == KIND_RECEIPT else None)
    first = render_material(app, material)
    assert first.startswith(b"%PDF")
    assert first == render_material(app, material)
    assert app.student_name in pdf_text(first)


def test_unknown_kind_is_rejected(app: Application) -> None:
    with pytest.raises(ValueError):
        render_material(app, Material("体检报告", "体检报告"))


def test_filename(app: Application) -> None:
    assert material_filename(app, Material(KIND_AGREEMENT, "就业协议书")) == (
        f"{app.student_no}_就业协议书.pdf"
    )


def svg_text(svg: str) -> str:
    """The text of an SVG rendering, line by line."""
    root = ET.fromstring(svg)
    return "\n".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@pytest.mark.parametrize("kind", MATERIAL_KINDS)
def test_svg_preview_shows_the_same_lines_as_the_pdf(app: Application, kind: str) -> None:
    material = Material(kind, kind, 1 if kind == KIND_RECEIPT else None)
    svg = render_material_svg(app, material)
    assert svg == render_material_svg(app, material)
    assert ET.fromstring(svg).findtext(f"{SVG}title") == kind
    shown = svg_text(svg)
    for line in pdf_text(render_material(app, material)).splitlines():
        assert line.strip() in shown, line


def test_svg_preview_escapes_what_students_typed(app: Application) -> None:
    hostile = replace(app, student_name='<script>alert(1)</script>&"', employer_name="]]><x/>\x01\x1f")
    svg = render_material_svg(hostile, Material(KIND_AGREEMENT, "就业协议书<b>"))
    root = ET.fromstring(svg)  # still well-formed
    assert not list(root.iter("script")) and not list(root.iter(f"{SVG}script"))
    assert "<script>" not in svg and "<x/>" not in svg
    assert '<script>alert(1)</script>&"' in svg_text(svg)


def test_svg_preview_of_a_long_material_has_several_pages(app: Application) -> None:
    long_post = "乡村振兴工作站综合岗位" * 400
    svg = render_material_svg(replace(app, post=long_post), Material(KIND_EMPLOYMENT_PROOF, "就业证明"))
    pages = [r for r in ET.fromstring(svg).iter(f"{SVG}rect") if r.get("fill") == "#fff"]
    assert len(pages) >= 2


def test_pdfs_are_written_with_reportlabs_c_accelerator() -> None:
    from reportlab.lib import rl_accel

    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"  # not the Python one


@pytest.mark.parametrize("kind", MATERIAL_KINDS)
def test_every_material_masks_id_number_and_mobile_like_the_pages(
    app: Application, kind: str
) -> None:
    material = Material(kind, kind, 1 if kind == KIND_RECEIPT else None)
    for shown in (pdf_text(render_material(app, material)),
                  svg_text(render_material_svg(app, material))):
        assert app.id_number not in shown and app.phone not in shown
        assert app.phone[3:7] + app.phone[-4:] not in shown.replace(" ", "")
        if "身份证号" in shown:
            assert mask_id(app.id_number) in shown
        if "联系电话" in shown:
            assert mask_mobile(app.phone) in shown
