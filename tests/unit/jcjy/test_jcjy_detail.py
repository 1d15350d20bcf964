"""申请详情: content, masking, proof materials (PDF and SVG preview), scope (403)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

from jcjy_support import login, outside_id
from pypdf import PdfReader
from sqlalchemy import select

from mock_sites.common.roles import STAGE_ROLES
from mock_sites.jcjy.models import ApplicationRecord, MaterialRecord, YearPaymentRecord
from mock_sites.jcjy.store import to_case


def record_of(app, app_id: int) -> tuple[ApplicationRecord, list, list]:
    with app.extensions["db_factory"]() as db:
        record = db.get(ApplicationRecord, app_id)
        years = db.query(YearPaymentRecord).filter_by(application_id=app_id).order_by(
            YearPaymentRecord.seq).all()
        materials = db.query(MaterialRecord).filter_by(application_id=app_id).order_by(
            MaterialRecord.seq).all()
    return record, years, materials


def test_detail_content(reviewer, app) -> None:
    app_id = reviewer.ids[0]
    record, years, materials = record_of(app, app_id)
    html = reviewer.client.get(f"/review/applications/{app_id}").get_data(as_text=True)
    assert ">申请详情</h1>" in html
    for heading in ("基本信息", "就业信息", "学费/贷款信息", "证明材料", "系统判断结果（仅供参考）"):
        assert f">{heading}</h2>" in html, heading
    masked = record.id_number[:6] + "********" + record.id_number[-4:]
    assert f"<dd>{masked}</dd>" in html
    assert f"<dd>{record.phone[:3]}****{record.phone[-4:]}</dd>" in html
    for value in (record.student_name, record.student_no, record.unit_name,
                  record.department_name, record.employer_name, record.employer_type,
                  record.town, record.post, record.contract_type, record.application_type):
        assert value in html, value
    for label in ("院（系）", "学制", "毕业年份", "是否定向/委培", "单位性质", "单位所在地",
                  "地点类型", "服务期限（年）", "签约形式", "申请总额（元）"):
        assert f"<dt>{label}</dt>" in html, label
    for year in years:
        assert f"<td>{year.school_year}</td>" in html
        assert f"{year.claimed_amount:.2f}" in html
    assert "需核实缴纳的实际金额" in html
    assert html.count(">预览</button>") == len(materials)
    assert "审核人员需根据《中央高校毕业生赴基层就业学费补偿国家助学贷款代偿审核说明（2023版）》" in html
    assert f'id="judge-result">{record.judge_result}<' in html
    assert f"{record.approved_amount:.2f}" in html
    # The decision form.
    assert "<legend><span class=\"req\" aria-hidden=\"true\">*</span>审核结果</legend>" in html
    assert 'value="通过"' in html and 'value="不通过"' in html
    assert '<label for="f-remark">备注</label>' in html and 'maxlength="200"' in html
    assert "审核不通过时须写明原因，系统将自动发送短信通知学生" in html
    assert '<button type="submit">确定</button>' in html and ">返回列表</a>" in html
    assert '<dialog id="preview-dialog" aria-labelledby="preview-title">' in html
    for button in ("上一份", "下一份", "关闭"):
        assert f">{button}</button>" in html, button


def test_full_id_number_never_in_html(reviewer, app) -> None:
    for app_id in reviewer.ids[:5]:
        record, _, _ = record_of(app, app_id)
        for path in (f"/review/applications/{app_id}", "/review/applications"):
            html = reviewer.client.get(path).get_data(as_text=True)
            assert record.id_number not in html and record.phone not in html


def test_receipt_amount_only_in_the_pdf(app, client, office) -> None:
    """The claimed amount is on the page; what the receipt says is only in the PDF."""
    with app.extensions["db_factory"]() as db:
        year, receipt = db.execute(
            select(YearPaymentRecord, MaterialRecord)
            .join(MaterialRecord, (MaterialRecord.application_id == YearPaymentRecord.application_id)
                  & (MaterialRecord.year_index == YearPaymentRecord.seq))
            .where(MaterialRecord.kind == "缴费票据",
                   YearPaymentRecord.claimed_amount != YearPaymentRecord.receipt_amount)
        ).first()
        record = db.get(ApplicationRecord, year.application_id)
    office.add("auditor", record.unit_code, [STAGE_ROLES[record.stage]])
    login(client, "auditor")
    html = client.get(f"/review/applications/{record.id}").get_data(as_text=True)
    row = f'<td>{year.school_year}</td><td class="num">{{}}</td>'
    assert row.format(f"{year.claimed_amount:.2f}") in html
    assert row.format(f"{year.receipt_amount:.2f}") not in html
    response = client.get(f"/review/applications/{record.id}/materials/{receipt.seq}")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages)
    assert f"{year.receipt_amount:.2f}" in text


def test_material_pdf_inline_and_download(reviewer, app) -> None:
    app_id = reviewer.ids[0]
    record, _, materials = record_of(app, app_id)
    html = reviewer.client.get(f"/review/applications/{app_id}").get_data(as_text=True)
    for material in materials:
        url = f"/review/applications/{app_id}/materials/{material.seq}"
        assert f'data-preview-url="{url}/preview"' in html
        assert f'data-download-url="{url}?download=1"' in html
        assert f'data-preview-title="{material.title}"' in html
        assert f'href="{url}?download=1"' in html
        response = reviewer.client.get(url)
        assert response.status_code == 200 and response.mimetype == "application/pdf"
        assert response.headers["Content-Disposition"].startswith("inline")
        assert response.data.startswith(b"%PDF")
        reader = PdfReader(io.BytesIO(response.data))
        text = "".join(p.extract_text() for p in reader.pages)
        assert record.student_name in text
        assert record.phone not in text and record.id_number not in text
    response = reviewer.client.get(f"/review/applications/{app_id}/materials/1?download=1")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert "filename*=UTF-8''" in response.headers["Content-Disposition"]
    assert reviewer.client.get(f"/review/applications/{app_id}/materials/99").status_code == 404


def test_material_preview_is_an_inert_svg_of_the_same_document(reviewer, app) -> None:
    app_id = reviewer.ids[0]
    record, _, materials = record_of(app, app_id)
    masked = record.id_number[:6] + "********" + record.id_number[-4:]
    for material in materials:
        response = reviewer.client.get(f"/review/applications/{app_id}/materials/{material.seq}/preview")
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert response.headers["Cache-Control"] == "private, no-store"
        assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
        svg = response.get_data(as_text=True)
        root = ET.fromstring(svg)  # well-formed
        assert root.findtext("{http://www.w3.org/2000/svg}title") == material.title
        assert record.student_name in svg and masked in svg and record.id_number not in svg
        assert record.phone not in svg
    assert reviewer.client.get(f"/review/applications/{app_id}/materials/99/preview").status_code == 404


def test_other_unit_or_stage_is_forbidden(reviewer, app) -> None:
    other = outside_id(app, reviewer.unit_code, reviewer.stage)
    for path in (f"/review/applications/{other}", f"/review/applications/{other}/materials/1",
                 f"/review/applications/{other}/materials/1/preview"):
        response = reviewer.client.get(path)
        assert response.status_code == 403, path
        assert "您没有权限访问该页面或数据" in response.get_data(as_text=True)
    token = reviewer.token()
    response = reviewer.client.post(f"/review/applications/{other}/decide", data={
        "csrf_token": token, "result": "通过", "remark": "", "version": "1"})
    assert response.status_code == 403
    with app.extensions["db_factory"]() as db:
        assert db.get(ApplicationRecord, other).status == "待院系审核"


def test_missing_application_is_404(reviewer) -> None:
    assert reviewer.client.get("/review/applications/999999").status_code == 404
    assert reviewer.client.get("/review/applications/abc").status_code == 404
    assert reviewer.client.get("/review/applications/99999999999999999999").status_code == 404
    path = f"/review/applications/{reviewer.ids[0]}/materials/99999999999999"
    assert reviewer.client.get(path).status_code == 404
    assert reviewer.client.get("/review/applications/2147483648").status_code == 404
    assert reviewer.client.get("/review/applications/\u0661").status_code == 404  # Arabic-Indic 1


def test_detail_requires_login(client, reviewer) -> None:
    other = reviewer.client.application.test_client()
    path = f"/review/applications/{reviewer.ids[0]}"
    response = other.get(path)
    assert response.status_code == 302
    assert re.search(r"/staff/login\?next=/review/applications/\d+", response.headers["Location"])


def test_a_scanned_proof_is_an_image_pdf_and_previews_as_a_photo(app, reviewer) -> None:
    with app.extensions["db_factory"]() as db:
        rows = [db.get(ApplicationRecord, i) for i in reviewer.ids]
        found = [(r.id, seq) for r in rows
                 for seq, m in enumerate(to_case(r).materials, start=1) if m.scanned]
    assert found, "the busiest scope has a scanned proof"
    app_id, seq = found[0]
    pdf = reviewer.client.get(f"/review/applications/{app_id}/materials/{seq}")
    assert pdf.mimetype == "application/pdf" and b"/Subtype /Image" in pdf.data
    preview = reviewer.client.get(f"/review/applications/{app_id}/materials/{seq}/preview")
    assert preview.status_code == 200 and preview.mimetype == "image/jpeg"
