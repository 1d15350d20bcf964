"""The guide's outline: a run's shots arranged as the procedure document is (一、 → （一） → 1.),
with every heading, note and caption taken from :mod:`flows.steps` and the run's manifest.

The three forms (HTML, DOCX, PDF) render this one outline, so they say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flows.models import reviewer_role_of
from flows.steps import (
    DOCUMENT_TITLE,
    GRANT_REVIEW_PERMISSION,
    JCJY_SYSTEM,
    OFFICE_SYSTEM,
    STEPS_BY_KEY,
    Step,
)
from walkthrough.manifest import ACTION, MANIFEST_NAME, Manifest, Shot

#: Label of a note's callout (the document's 特别注意 and the notes below the steps).
NOTE_LABEL = "注意"
#: Circled numbers as drawn beside the outlined element: ① … ⑳, then (21), (22) …
_CIRCLED_FIRST, _CIRCLED_LAST = 0x2460, 0x2473


@dataclass(frozen=True)
class Figure:
    """One screenshot with its caption."""

    path: Path  # absolute
    caption: str
    shot: Shot


@dataclass(frozen=True)
class GuideStep:
    step: Step
    notes: tuple[str, ...]
    figures: tuple[Figure, ...]

    @property
    def heading(self) -> str:
        """"1. 输入网址，注册账户。" as the document numbers steps; "3（1）点击…" as is."""
        number = self.step.number
        return f"{number}{'' if number.endswith('）') else '. '}{self.step.title}"


@dataclass(frozen=True)
class GuidePart:
    title: str  # （一）注册、登录资助办公系统
    steps: tuple[GuideStep, ...]


@dataclass(frozen=True)
class GuideSection:
    title: str  # 一、在全国学生资助办公系统中授权基层就业审批权限
    parts: tuple[GuidePart, ...]


@dataclass(frozen=True)
class Guide:
    title: str
    systems: tuple[str, ...]
    facts: tuple[str, ...]  # the run's 学段 and screen size, one line each
    sections: tuple[GuideSection, ...]

    @property
    def steps(self) -> tuple[GuideStep, ...]:
        return tuple(s for section in self.sections for part in section.parts for s in part.steps)

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(f for step in self.steps for f in step.figures)


def marker_label(marker: int) -> str:
    """①, ②, … ⑳, then (21): the number drawn beside the element in the screenshot."""
    code = _CIRCLED_FIRST + marker - 1
    return chr(code) if _CIRCLED_FIRST <= code <= _CIRCLED_LAST else f"({marker})"


def caption(shot: Shot, step: Step) -> str:
    """"① 点击“注册”" for an action; "操作结果：已保存" for a result screen."""
    if shot.kind == ACTION:
        number = f"{marker_label(shot.marker)} " if shot.marker is not None else ""
        what = shot.action + (f"“{shot.target}”" if shot.target else "")
        return f"{number}{what or step.title}"
    return f"操作结果：{shot.target}" if shot.target else "操作结果"


def stage_note(stage: str) -> str:
    """What the run's 学段 changes in step 3 of （二）: the role ticked in 授权管理."""
    return f"本指南按“{stage}”学段录制：授权时勾选“{reviewer_role_of(stage)}”。"


def build_outline(manifest: Manifest, run_dir: Path) -> Guide:
    """The guide of a run: its steps grouped by section and part in the order they ran, each
    documented step once (the shots of a step run again, e.g. for the next student, join it);
    figures numbered 图1, 图2, … through the whole guide."""
    shots: dict[str, list[Shot]] = {}
    for capture in manifest.steps:
        shots.setdefault(capture.key, []).extend(capture.shots)
    tree: dict[str, dict[str, list[Step]]] = {}
    for key in shots:
        step = STEPS_BY_KEY[key]
        tree.setdefault(step.section, {}).setdefault(step.part, []).append(step)
    count = 0

    def guide_step(step: Step) -> GuideStep:
        nonlocal count
        figures = []
        for shot in shots[step.key]:
            count += 1
            figures.append(
                Figure(_shot_path(run_dir, shot), f"图{count}　{caption(shot, step)}", shot)
            )
        notes = tuple(n for n in (step.note, _variant_note(step, manifest.stage)) if n)
        return GuideStep(step, notes, tuple(figures))

    sections = tuple(
        GuideSection(section, tuple(
            GuidePart(part, tuple(guide_step(step) for step in steps))
            for part, steps in parts.items()
        ))
        for section, parts in tree.items()
    )
    width, height = manifest.size
    return Guide(
        title=DOCUMENT_TITLE,
        systems=(JCJY_SYSTEM, OFFICE_SYSTEM),
        facts=(f"学段：{manifest.stage}", f"截图尺寸：{width}×{height} 像素"),
        sections=sections,
    )


def _variant_note(step: Step, stage: str) -> str:
    return stage_note(stage) if step.key == GRANT_REVIEW_PERMISSION.key else ""


def _shot_path(run_dir: Path, shot: Shot) -> Path:
    path = (run_dir / shot.file).resolve()
    if not path.is_file():
        raise ValueError(f"{run_dir} 的 {MANIFEST_NAME} 列出的截图不存在：{shot.file}")
    return path
