"""A made-up walkthrough run folder for the guide's tests: run.json and PNG shots drawn with
Pillow (importable as ``guide_support``)."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw

from flows import steps
from walkthrough.manifest import ACTION, RESULT, Manifest, Shot, StepCapture

SIZE = (1280, 800)
#: The made-up run: step, then its shots as (kind, action, target, marker).
PLAN: tuple[tuple[steps.Step, tuple[tuple[str, str, str, int | None], ...]], ...] = (
    (steps.REGISTER, ((ACTION, "输入", "手机号", 1), (ACTION, "点击", "注册", 2))),
    (steps.APPLY_FOR_ADMIN, ((ACTION, "点击", "提交申请", 1),)),  # has a note
    (steps.GRANT_REVIEW_PERMISSION, ((ACTION, "勾选", "基层就业系统", 1),
                                     (RESULT, "", "授权管理", None))),
    (steps.STAFF_LOGIN, ((ACTION, "点击", "登录", 1),)),
    (steps.CHOOSE_RESULT, ((ACTION, "选择", "不通过", 1), (RESULT, "", "短信通知", None))),
)


def draw_shot(path: Path, label: str, size: tuple[int, int] = SIZE) -> Path:
    """A screen-like picture: a title bar, a form and a button whose text is ``label``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_png(label, size))
    return path


@functools.cache
def _png(label: str, size: tuple[int, int]) -> bytes:
    """Drawn once per label and size: the tests of a worker share it."""
    image = Image.new("RGB", size, (240, 242, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0], 48), fill=(21, 101, 192))
    draw.rectangle((320, 120, 960, 600), fill="white", outline=(200, 200, 200))
    for row in range(4):
        draw.rectangle((420, 180 + row * 60, 880, 210 + row * 60), outline=(180, 180, 180))
    draw.rectangle((560, 460, 720, 500), fill=(21, 101, 192))
    draw.text((580, 470), label, fill="white", font_size=24)
    draw.rectangle((552, 452, 728, 508), outline=(229, 57, 53), width=3)  # the outline, ①
    draw.ellipse((538, 438, 562, 462), fill=(229, 57, 53))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def make_run(folder: Path, stage: str = "研究生") -> Manifest:
    """Write a run folder with :data:`PLAN`'s steps and shots; returns its manifest."""
    captures = []
    clock = 0.0
    for n, (step, plan) in enumerate(PLAN):
        shots = []
        for m, (kind, action, target, marker) in enumerate(plan):
            file = f"shots/{n:02d}-{m}-{step.key}-{kind}.png"
            draw_shot(folder / file, f"{step.key} {m}")
            shots.append(Shot(file, kind, action, target, marker,
                              (552.0, 452.0, 176.0, 56.0) if kind == ACTION else None))
        captures.append(StepCapture(step.key, clock, clock + 4.0, tuple(shots)))
        clock += 4.0
    manifest = Manifest("all", stage, "normal", SIZE, tuple(captures))
    manifest.save(folder)
    return manifest


def shot_count(manifest: Manifest) -> int:
    return sum(len(c.shots) for c in manifest.steps)
