"""图文操作指南：由 Firefox 打印的 PDF（页数与 HTML 所需一致、截图不被分页截断、每个步骤标题）"""

from __future__ import annotations

import re

import pytest
from guide_support import PLAN, make_run, shot_count
from pypdf import PdfReader

from flows import steps
from walkthrough.guide import build_guide, guide_paths
from walkthrough.guide.html_page import PAGE_MARGIN_MM, PAGE_MM

PX_PER_MM = 96 / 25.4
CAPTION = re.compile(r"^图\d+\u3000")
#: Lay the HTML out as printed (its @media print rules applied, the printable width, no scroll
#: bar), then fill pages as the print engine must: a block that no break may split goes whole to
#: the next page when it does not fit. Returns the pages that takes.
PAGES_NEEDED = """(pageHeight) => {
  for (const sheet of document.styleSheets)
    for (const rule of [...sheet.cssRules])
      if (rule instanceof CSSMediaRule && rule.media.mediaText === 'print')
        for (const inner of rule.cssRules) sheet.insertRule(inner.cssText, sheet.cssRules.length);
  document.documentElement.style.cssText = 'scrollbar-width: none; overflow: hidden';
  const blocks = document.querySelectorAll('body > h1, body > p, .lead, article > figure');
  let top = 0, pages = 1;
  for (const block of blocks) {
    const box = block.getBoundingClientRect();
    if (box.bottom - top > pageHeight) { pages++; top = box.top; }
  }
  return pages;
}"""


def pages_the_html_needs(browser, html) -> int:
    width, height = (size - 2 * PAGE_MARGIN_MM for size in PAGE_MM)
    page = browser.new_page(viewport={"width": round(width * PX_PER_MM), "height": 1000})
    try:
        page.goto(html.as_uri())
        return page.evaluate(PAGES_NEEDED, height * PX_PER_MM)
    finally:
        page.close()


@pytest.mark.e2e
def test_the_guide_in_three_forms_and_the_pdf_as_the_html_needs(browser, tmp_path):
    run = make_run(tmp_path, stage="本专科")
    written = build_guide(tmp_path, browser)
    assert written == list(guide_paths(tmp_path)) and all(p.stat().st_size for p in written)
    pdf = PdfReader(written[2])
    assert len(pdf.pages) == pages_the_html_needs(browser, written[0])
    # Each picture printed whole on one page, none lost, its caption below it on that page;
    # every page ends with a caption (no heading or note left at a page's foot).
    assert sum(len(page.images) for page in pdf.pages) == shot_count(run)
    texts = [page.extract_text() for page in pdf.pages]
    for page, page_text in zip(pdf.pages, texts, strict=True):
        lines = [line for line in page_text.splitlines() if line.strip()]
        assert len(page.images) == sum(bool(CAPTION.match(line)) for line in lines)
        assert CAPTION.match(lines[-1]), lines[-1]
    text = "".join(texts).replace(" ", "").replace("\n", "")
    for step, _ in PLAN:
        assert step.title.replace(" ", "") in text  # Chinese printed as text, not boxes
    assert steps.CHOOSE_RESULT.note in text and "本专科学院审核人员" in text
