"""图文操作指南：DOCX（标题层级、注意事项、每张截图一幅图片及图注）"""

from __future__ import annotations

import docx
from guide_support import make_run, shot_count

from flows import steps
from walkthrough.guide.outline import build_outline
from walkthrough.guide.word import write_docx


def _document(tmp_path, stage="研究生"):
    run = make_run(tmp_path / "run", stage)
    path = write_docx(build_outline(run, tmp_path / "run"), tmp_path / "guide.docx")
    return run, docx.Document(str(path))


def _headings(document, level):
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def test_heading_levels_mirror_the_document(tmp_path):
    _, document = _document(tmp_path)
    assert _headings(document, 1) == [steps.SECTION_OFFICE, steps.SECTION_JCJY]
    assert _headings(document, 2) == [steps.PART_REGISTER, steps.PART_AUTHORIZE, steps.PART_REVIEW]
    level3 = _headings(document, 3)
    for step in (steps.REGISTER, steps.APPLY_FOR_ADMIN, steps.GRANT_REVIEW_PERMISSION,
                 steps.STAFF_LOGIN, steps.CHOOSE_RESULT):
        assert sum(step.title in h for h in level3) == 1
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        steps.DOCUMENT_TITLE]


def test_one_picture_per_shot_each_with_its_caption(tmp_path):
    run, document = _document(tmp_path)
    assert len(document.inline_shapes) == shot_count(run)
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert len(captions) == shot_count(run)
    assert "图2　② 点击“注册”" in captions


def test_notes_are_shaded_callouts(tmp_path):
    _, document = _document(tmp_path, stage="本专科")
    notes = [t.cell(0, 0).text for t in document.tables]
    assert any(steps.APPLY_FOR_ADMIN.note in n for n in notes)
    assert any(steps.CHOOSE_RESULT.note in n for n in notes)
    assert any("本专科学院审核人员" in n for n in notes)
    assert all(t.cell(0, 0)._tc.tcPr.xpath("./w:shd") for t in document.tables)
