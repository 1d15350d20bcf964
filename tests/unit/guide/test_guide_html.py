"""图文操作指南：自包含的 HTML（全部标题、注意事项，截图内嵌）"""

from __future__ import annotations

import base64
import re

from guide_support import make_run, shot_count

from flows import steps
from walkthrough.guide.html_page import render_html
from walkthrough.guide.outline import build_outline


def test_every_title_and_note_is_there(tmp_path):
    page = render_html(build_outline(make_run(tmp_path), tmp_path))
    for step in (steps.REGISTER, steps.APPLY_FOR_ADMIN, steps.GRANT_REVIEW_PERMISSION,
                 steps.STAFF_LOGIN, steps.CHOOSE_RESULT):
        assert step.title in page
    for text in (steps.SECTION_OFFICE, steps.PART_REGISTER, steps.PART_AUTHORIZE,
                 steps.SECTION_JCJY, steps.PART_REVIEW, steps.APPLY_FOR_ADMIN.note,
                 steps.CHOOSE_RESULT.note, steps.DOCUMENT_TITLE):
        assert text in page
    assert page.count('role="note"') == 3  # two notes of the document, the stage's


def test_every_screenshot_is_embedded(tmp_path):
    run = make_run(tmp_path)
    page = render_html(build_outline(run, tmp_path))
    sources = re.findall(r'<img src="([^"]+)"', page)
    assert len(sources) == shot_count(run)
    assert all(s.startswith("data:image/png;base64,") for s in sources)
    for capture in run.steps:
        for shot in capture.shots:
            encoded = base64.b64encode((tmp_path / shot.file).read_bytes()).decode()
            assert f"data:image/png;base64,{encoded}" in sources


def test_headings_are_kept_with_their_first_picture(tmp_path):
    """Firefox ignores break-after: avoid; the block that must not break holds them."""
    page = render_html(build_outline(make_run(tmp_path), tmp_path))
    lead = re.search(r'<div class="lead">(.*?)</div>', page).group(1)
    assert "<h2>" in lead and "<h3>" in lead and "<h4>" in lead and "<img" in lead
