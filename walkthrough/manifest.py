"""What one walkthrough run captured, step by step: the record the video, the subtitles, the guide
and ``--compare`` are all made from (``run.json`` in the output folder).

Steps are named by their key in :mod:`flows.steps`; titles, notes, sections and parts are read from
there, never stored twice.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from flows.steps import STEPS_BY_KEY, Step

MANIFEST_NAME = "run.json"
#: A screenshot taken just before an action, the element to use outlined and numbered.
ACTION = "action"
#: The screen an action leads to, where the procedure document shows one (the authorization
#: dialog, the 已保存 notice, the SMS to the student).
RESULT = "result"


@dataclass(frozen=True)
class Shot:
    """One screenshot of the run (secrets already masked in it)."""

    file: str  # PNG, relative to the run folder
    kind: str  # ACTION or RESULT
    action: str = ""  # what the person does, in Chinese: 点击, 输入, 勾选, 选择 (never a value)
    target: str = ""  # the element's visible label or accessible name (never a value)
    marker: int | None = None  # the number drawn beside the element, 1, 2, … within the step
    box: tuple[float, float, float, float] | None = None  # x, y, width, height in CSS pixels


@dataclass(frozen=True)
class StepCapture:
    """One documented step as recorded: when its caption was on screen and what was shot."""

    key: str
    start: float  # seconds from the start of the whole video
    end: float
    shots: tuple[Shot, ...] = ()

    @property
    def step(self) -> Step:
        return STEPS_BY_KEY[self.key]


@dataclass(frozen=True)
class Manifest:
    """A whole run: how it was made and its steps, in the order they ran."""

    part: str  # office | jcjy | all
    stage: str  # 研究生 | 本专科
    pace: str  # normal | slow
    size: tuple[int, int]  # video and viewport size in pixels
    steps: tuple[StepCapture, ...] = field(default_factory=tuple)

    def save(self, folder: Path) -> Path:
        path = folder / MANIFEST_NAME
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """Read ``run.json`` from ``folder``; a clear error when it is missing or not a run."""
        path = folder / MANIFEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            steps = tuple(
                StepCapture(
                    s["key"], float(s["start"]), float(s["end"]),
                    tuple(_shot(shot) for shot in s["shots"]),
                )
                for s in data["steps"]
            )
            unknown = [s.key for s in steps if s.key not in STEPS_BY_KEY]
            if unknown:
                raise ValueError(f"未知的步骤：{'、'.join(unknown)}")
            return cls(data["part"], data["stage"], data["pace"], tuple(data["size"]), steps)
        except FileNotFoundError:
            raise ValueError(f"{folder} 不是一次演示录制的输出目录（缺少 {MANIFEST_NAME}）") from None
        except (KeyError, TypeError, ValueError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path} 已损坏，无法读取：{exc}") from None


def _shot(data: dict) -> Shot:
    box = data.get("box")
    return Shot(
        data["file"], data["kind"], data.get("action", ""), data.get("target", ""),
        data.get("marker"), tuple(box) if box else None,
    )
