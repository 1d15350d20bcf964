"""二 3（1）–3（2）: 申请详情 — masked personal data, previewable materials, the real amounts."""

from __future__ import annotations

import re
from decimal import Decimal

import allure
from e2e_support import UNDERGRADUATE_REVIEWER, documented
from playwright.sync_api import Page, expect

from flows import steps
from flows.models import YEAR, ApplicationFacts
from flows.review import careful_decision, read_application
from pages.jcjy import PENDING, ApplicationDetailPage, ApplicationListPage

MASKED_ID = re.compile(r"\d{6}\*{8}\d{3}[\dX]")
MASKED_PHONE = re.compile(r"1\d{2}\*{4}\d{4}")
FULL_ID = re.compile(r"(?<![\d*])\d{17}[\dX](?![\d*])")
PREVIEW_PATH = re.compile(r"/review/applications/\d+/materials/\d+/preview$")
DOWNLOAD_PATH = re.compile(r"/review/applications/\d+/materials/\d+\?download=1$")


@documented(steps.CHECK_MATERIALS)
@allure.title("详情：身份证号脱敏，证明材料逐一预览（页面图像，可下载 PDF），系统判断结果标明仅供参考")
def test_detail_masks_personal_data_and_previews_materials(
    reviewer_page: ApplicationListPage, mock_sites
) -> None:
    row = next(r for r in reviewer_page.rows() if r.status == PENDING)
    detail = reviewer_page.open_detail(row.student_no)
    page = detail.page

    assert detail.field("学号") == row.student_no
    assert MASKED_ID.fullmatch(detail.field("身份证号"))
    assert MASKED_PHONE.fullmatch(detail.field("手机号"))
    assert not FULL_ID.search(page.content()), "页面源码中出现了完整的身份证号"

    titles = detail.material_titles()
    assert len(titles) >= 3 and "就业证明" in titles
    sources = []
    for title in titles:
        dialog = detail.preview_material(title)
        source, download = dialog.source(), dialog.download_address()
        assert PREVIEW_PATH.search(source), source
        image = page.request.get(mock_sites.urls.jcjy_url + source)
        assert image.ok
        if image.headers["content-type"] == "image/jpeg":  # a scan: the photo of the paper
            assert image.body().startswith(b"\xff\xd8\xff")
        else:
            assert image.headers["content-type"].startswith("image/svg+xml")
            assert f"<title>{title}</title>" in image.text()
            assert not FULL_ID.search(image.text()), f"“{title}”的预览中出现了完整的身份证号"
        assert DOWNLOAD_PATH.search(download), download
        pdf = page.request.get(mock_sites.urls.jcjy_url + download)
        assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
        assert pdf.body().startswith(b"%PDF")
        dialog.close()
        sources.append(source)
    assert len(set(sources)) == len(titles), "不同的材料预览了同一份文件"

    expect(detail.judgement).to_be_visible()
    expect(page.get_by_role("heading", name="系统判断结果（仅供参考）")).to_be_visible()
    judgement = detail.system_judgement()
    assert judgement.result == row.system_result
    assert (judgement.result == "不符合") == bool(judgement.reasons)


@documented(steps.CHECK_MATERIALS)
@allure.title("材料预览中用“上一份/下一份”（或 ←/→ 键）逐份查看，首尾按钮不可用，关闭后回到详情")
def test_preview_pages_through_the_materials(reviewer_page: ApplicationListPage) -> None:
    row = next(r for r in reviewer_page.rows() if r.status == PENDING)
    detail = reviewer_page.open_detail(row.student_no)
    titles = detail.material_titles()
    count = len(titles)
    assert count >= 3

    dialog = detail.preview_material(titles[0])
    expect(dialog.position).to_have_text(f"第 1/{count} 份")
    expect(dialog.previous_button).to_be_disabled()
    for index, title in enumerate(titles[1:], start=2):
        dialog = dialog.next(title)
        expect(dialog.position).to_have_text(f"第 {index}/{count} 份")
    expect(dialog.next_button).to_be_disabled()
    dialog = dialog.previous(titles[-2])
    expect(dialog.position).to_have_text(f"第 {count - 1}/{count} 份")
    expect(dialog.next_button).to_be_enabled()
    assert dialog.download_address().endswith(f"/materials/{count - 1}?download=1")
    # The arrow keys page as the buttons do (and stop at either end).
    dialog = dialog.next(titles[-1], by_key=True)
    dialog.page.keyboard.press("ArrowRight")
    expect(dialog.position).to_have_text(f"第 {count}/{count} 份")
    dialog = dialog.previous(titles[-2], by_key=True)
    dialog.close()
    expect(dialog.dialog).to_be_hidden()
    # The page behind is usable again: 预览 of another row opens on that material.
    reopened = detail.preview_material(titles[-1])
    expect(reopened.position).to_have_text(f"第 {count}/{count} 份")
    reopened.close()


def _paid_by_year(facts: ApplicationFacts) -> dict[str, Decimal]:
    return {m[1]: amount for title, amount in facts.paid.items() if (m := YEAR.search(title))}


@documented(steps.CHECK_MATERIALS)
@allure.title("核实缴纳的实际金额：符合条件的申请票据与申报一致，“申报金额与票据不符”的申请不一致")
def test_paid_amounts_checked_against_the_claim(page: Page, mock_sites, signed_in) -> None:
    url = mock_sites.urls.jcjy_url
    review_list = signed_in(UNDERGRADUATE_REVIEWER)
    # 系统判断结果 says 符合 for both kinds: only the receipts tell them apart.
    candidates = [r for r in review_list.rows() if r.status == PENDING and r.system_result == "符合"
                  and r.application_type == "学费补偿"]
    paths = [review_list.detail_path(r.student_no) for r in candidates]
    matching: ApplicationFacts | None = None
    mismatching: ApplicationFacts | None = None
    for path in paths:
        page.goto(url + path)
        detail = ApplicationDetailPage(page, url)
        detail.expect_loaded()
        facts = read_application(detail)
        if facts.amount_problems():
            mismatching = mismatching or facts
        else:
            matching = matching or facts
        if matching and mismatching:
            break
    assert matching and mismatching, f"在 {len(paths)} 份待审核申请中未找到两种情况"

    assert _paid_by_year(matching) == {YEAR.search(y)[1]: a for y, a in matching.claimed.items()}
    assert careful_decision(matching).result == "通过"

    paid = _paid_by_year(mismatching)
    differing = {y: a for y, a in mismatching.claimed.items() if paid.get(YEAR.search(y)[1]) != a}
    assert differing, mismatching
    assert mismatching.system_result == "符合"  # the system's judgement does not see it
    decision = careful_decision(mismatching)
    assert decision.result == "不通过" and "票据实缴" in decision.remark
