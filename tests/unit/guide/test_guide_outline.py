"""图文操作指南：由录制清单得出的目录、注意事项与图注"""

from __future__ import annotations

import pytest
from guide_support import make_run

from flows import steps
from flows.models import reviewer_role_of
from walkthrough.guide.outline import build_outline, caption, marker_label
from walkthrough.manifest import ACTION, RESULT, Manifest, Shot, StepCapture


def test_sections_parts_and_steps_follow_the_procedure_document(tmp_path):
    guide = build_outline(make_run(tmp_path), tmp_path)
    assert [s.title for s in guide.sections] == [steps.SECTION_OFFICE, steps.SECTION_JCJY]
    assert [p.title for p in guide.sections[0].parts] == [steps.PART_REGISTER, steps.PART_AUTHORIZE]
    assert [p.title for p in guide.sections[1].parts] == [steps.PART_REVIEW]
    assert [s.heading for s in guide.steps] == [
        f"1. {steps.REGISTER.title}", f"6. {steps.APPLY_FOR_ADMIN.title}",
        f"3. {steps.GRANT_REVIEW_PERMISSION.title}", f"2. {steps.STAFF_LOGIN.title}",
        f"3（3）{steps.CHOOSE_RESULT.title}",
    ]
    assert guide.title == steps.DOCUMENT_TITLE


def test_captions_number_the_figures_and_name_action_and_element(tmp_path):
    guide = build_outline(make_run(tmp_path), tmp_path)
    captions = [f.caption for f in guide.figures]
    assert captions[:2] == ["图1　① 输入“手机号”", "图2　② 点击“注册”"]
    assert "图5　操作结果：授权管理" in captions
    assert len(captions) == 8


def test_the_documents_notes_and_the_stage_become_notes(tmp_path):
    guide = build_outline(make_run(tmp_path, stage="本专科"), tmp_path)
    by_key = {s.step.key: s for s in guide.steps}
    assert by_key["apply_for_admin"].notes == (steps.APPLY_FOR_ADMIN.note,)
    assert by_key["choose_result"].notes == (steps.CHOOSE_RESULT.note,)
    (stage_note,) = by_key["grant_review_permission"].notes
    assert reviewer_role_of("本专科") in stage_note and "本专科" in stage_note
    assert by_key["register"].notes == ()
    assert "学段：本专科" in guide.facts


def test_a_step_run_again_is_shown_once_with_all_its_shots(tmp_path):
    run = make_run(tmp_path)
    again = StepCapture("choose_result", 30.0, 34.0, run.steps[-1].shots[:1])
    guide = build_outline(Manifest(run.part, run.stage, run.pace, run.size, (*run.steps, again)),
                          tmp_path)
    (choose,) = [s for s in guide.steps if s.step.key == "choose_result"]
    assert len(choose.figures) == 3


def test_a_missing_screenshot_is_named(tmp_path):
    run = make_run(tmp_path)
    (tmp_path / run.steps[0].shots[0].file).unlink()
    with pytest.raises(ValueError, match="截图不存在"):
        build_outline(run, tmp_path)


@pytest.mark.parametrize(("shot", "expected"), [
    (Shot("a.png", ACTION, "点击", "注册", 1), "① 点击“注册”"),
    (Shot("a.png", ACTION, "勾选", "", 21), "(21) 勾选"),
    (Shot("a.png", ACTION), steps.REGISTER.title),
    (Shot("a.png", RESULT), "操作结果"),
])
def test_caption(shot, expected):
    assert caption(shot, steps.REGISTER) == expected


def test_marker_labels():
    assert [marker_label(n) for n in (1, 2, 20, 21)] == ["①", "②", "⑳", "(21)"]
