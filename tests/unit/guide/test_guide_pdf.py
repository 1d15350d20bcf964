"""图文操作指南：由 Firefox 打印的 PDF（页数、不被分页截断的截图、每个步骤标题）"""

from __future__ import annotations

import math

import pytest
from guide_support import PLAN, make_run, shot_count
from pypdf import PdfReader

from flows import steps
from walkthrough.guide import build_guide, guide_paths


@pytest.mark.e2e
def test_the_guide_in_three_forms_and_the_pdf_as_the_html_needs(browser, tmp_path):
    run = make_run(tmp_path, stage="本专科")
    written = build_guide(tmp_path, browser)
    assert written == list(guide_paths(tmp_path)) and all(p.stat().st_size for p in written)
    pdf = PdfReader(written[2])
    pictures = [len(page.images) for page in pdf.pages]
    # Each picture printed whole on one page: none is cut in two by a page break, none lost.
    assert sum(pictures) == shot_count(run)
    # As many pages as the pictures need: two fit on an A4 page, and no page is left blank.
    assert math.ceil(shot_count(run) / 2) <= len(pdf.pages) <= shot_count(run)
    texts = [page.extract_text() for page in pdf.pages]
    assert all(t.strip() for t in texts)
    text = "".join(texts).replace(" ", "").replace("\n", "")
    for step, _ in PLAN:
        assert step.title.replace(" ", "") in text  # Chinese printed as text, not boxes
    assert steps.CHOOSE_RESULT.note in text and "本专科学院审核人员" in text
