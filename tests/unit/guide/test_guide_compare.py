"""截图对比：两次录制之间哪些步骤的截图变了（像素阈值），新增与删除的步骤，对比.html"""

from __future__ import annotations

import re
import shutil
from dataclasses import replace

from guide_support import draw_shot, make_run
from PIL import Image, ImageDraw

from flows import steps
from walkthrough.guide import compare_runs
from walkthrough.guide.comparison import ADDED, CHANGED, COMPARISON_PAGE, REMOVED, SAME
from walkthrough.guide.pixels import CHANGED_PIXELS, CHANNEL_TOLERANCE, difference
from walkthrough.manifest import Manifest


def _two_runs(tmp_path):
    previous, current = tmp_path / "previous", tmp_path / "current"
    make_run(previous)
    shutil.copytree(previous, current)
    return previous, current


def _first_shot(folder, key):
    capture = next(c for c in Manifest.load(folder).steps if c.key == key)
    return folder / capture.shots[0].file


def test_identical_runs_change_nothing(tmp_path):
    previous, current = _two_runs(tmp_path)
    result = compare_runs(previous, current)
    assert result.changed == () and result.changed_steps == ()
    assert {s.status for s in result.shots} == {SAME}
    assert result.summary() == ["与上次录制相比，所有截图均无变化。"]


def test_noise_is_not_a_change(tmp_path):
    """Faint differences over the whole screen (below the channel tolerance), a few stray pixels."""
    previous, current = _two_runs(tmp_path)
    path = _first_shot(current, "staff_login")
    with Image.open(path) as image:
        faint = image.point(lambda v: min(255, v + CHANNEL_TOLERANCE // 2))
    ImageDraw.Draw(faint).rectangle((100, 700, 104, 704), fill="black")  # 25 pixels
    faint.save(path)
    assert 0 < difference(_first_shot(previous, "staff_login"), path).changed <= CHANGED_PIXELS
    assert compare_runs(previous, current).changed_steps == ()


def test_a_changed_label_is_a_change_of_that_step(tmp_path):
    previous, current = _two_runs(tmp_path)
    draw_shot(_first_shot(current, "staff_login"), "Sign in")
    result = compare_runs(previous, current)
    assert result.changed_steps == ("staff_login",)
    (changed,) = result.changed
    assert changed.status == CHANGED and changed.difference.changed > CHANGED_PIXELS
    left, top, right, bottom = changed.difference.box
    assert left >= 552 and right <= 728 and top >= 452 and bottom <= 508  # in the button
    assert result.summary() == [f"截图有变化：{steps.STAFF_LOGIN.label}"]


def test_a_new_size_is_a_change(tmp_path):
    previous, current = _two_runs(tmp_path)
    draw_shot(_first_shot(current, "register"), "register 0", size=(1920, 1080))
    assert compare_runs(previous, current).changed_steps == ("register",)


def test_steps_added_and_removed(tmp_path):
    previous, current = _two_runs(tmp_path)
    run = Manifest.load(current)
    replace(run, steps=run.steps[1:]).save(previous)  # register is new now …
    replace(run, steps=run.steps[:-1]).save(current)  # … and choose_result gone
    result = compare_runs(previous, current)
    assert result.added_steps == ("register",)
    assert result.removed_steps == ("choose_result",)
    assert result.changed_steps == ()
    assert {s.status for s in result.changed} == {ADDED, REMOVED}


def test_a_shot_more_in_a_step_is_a_change_of_that_step(tmp_path):
    previous, current = _two_runs(tmp_path)
    run = Manifest.load(previous)
    first = run.steps[0]
    replace(run, steps=(replace(first, shots=first.shots[:1]), *run.steps[1:])).save(previous)
    result = compare_runs(previous, current)
    assert result.changed_steps == ("register",)
    assert [s.status for s in result.changed] == [ADDED]


def test_the_comparison_page_shows_changed_shots_side_by_side(tmp_path):
    previous, current = _two_runs(tmp_path)
    draw_shot(_first_shot(current, "staff_login"), "Sign in")
    result = compare_runs(previous, current)
    assert result.page == current / COMPARISON_PAGE
    page = result.page.read_text(encoding="utf-8")
    assert steps.STAFF_LOGIN.title in page and steps.REGISTER.title not in page
    assert len(re.findall(r'<img src="data:image/png;base64,', page)) == 3
    assert "上次录制" in page and "本次录制" in page and "变化处" in page
