"""What changed between two walkthrough runs: each shot of the current run matched with the same
shot of the previous one (step, its n-th run, kind, marker or order) and measured
(:mod:`.pixels`); steps added and removed. ``compare_runs`` also writes ``对比.html``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from flows.steps import STEPS_BY_KEY, Step
from walkthrough.manifest import MANIFEST_NAME, Manifest, Shot

from .pixels import PixelDifference, difference

COMPARISON_PAGE = "对比.html"
SAME, CHANGED, ADDED, REMOVED = "相同", "有变化", "新增", "已删除"


@dataclass(frozen=True, order=True)
class ShotId:
    """Which shot of a run: step key, which run of the step (0: first), kind, number (the
    marker of an action shot, else its place among the step's shots of that kind, from 1)."""

    key: str
    occurrence: int
    kind: str
    number: int


@dataclass(frozen=True)
class ShotComparison:
    ident: ShotId
    previous: Path | None
    current: Path | None
    shot: Shot  # the current one, or the previous one when it was removed
    difference: PixelDifference | None  # None when the shot is only in one run

    @property
    def step(self) -> Step:
        return STEPS_BY_KEY[self.ident.key]

    @property
    def status(self) -> str:
        if self.previous is None:
            return ADDED
        if self.current is None:
            return REMOVED
        return CHANGED if self.difference is not None and self.difference.is_change else SAME


@dataclass(frozen=True)
class ComparisonResult:
    previous_dir: Path
    current_dir: Path
    shots: tuple[ShotComparison, ...]
    added_steps: tuple[str, ...]  # step keys only in the current run
    removed_steps: tuple[str, ...]  # step keys only in the previous run
    page: Path | None = None  # 对比.html, once written

    @property
    def changed(self) -> tuple[ShotComparison, ...]:
        """The shots to look at again: changed, new or gone, in the current run's order."""
        return tuple(s for s in self.shots if s.status != SAME)

    @property
    def changed_steps(self) -> tuple[str, ...]:
        """Keys of the steps in both runs whose screenshots changed (shots added or gone
        included), in the order they ran."""
        skip = set(self.added_steps) | set(self.removed_steps)
        keys = (s.ident.key for s in self.changed if s.ident.key not in skip)
        return tuple(dict.fromkeys(keys))

    def summary(self) -> list[str]:
        """One Chinese line per finding, for the command line; one line when nothing changed."""
        lines = [f"截图有变化：{STEPS_BY_KEY[k].label}" for k in self.changed_steps]
        lines += [f"新增步骤：{STEPS_BY_KEY[k].label}" for k in self.added_steps]
        lines += [f"已删除步骤：{STEPS_BY_KEY[k].label}" for k in self.removed_steps]
        return lines or ["与上次录制相比，所有截图均无变化。"]


def shots_by_id(manifest: Manifest) -> dict[ShotId, Shot]:
    """Every shot of a run under its :class:`ShotId`, in the run's order."""
    result: dict[ShotId, Shot] = {}
    runs: Counter[str] = Counter()
    for capture in manifest.steps:
        occurrence = runs[capture.key]
        runs[capture.key] += 1
        places: Counter[str] = Counter()
        for shot in capture.shots:
            places[shot.kind] += 1
            number = shot.marker if shot.marker is not None else places[shot.kind]
            result[ShotId(capture.key, occurrence, shot.kind, number)] = shot
    return result


def measure(previous: Path, current: Path) -> ComparisonResult:
    """Match and measure the shots of the runs in ``previous`` and ``current``."""
    before, after = Manifest.load(previous), Manifest.load(current)
    old, new = shots_by_id(before), shots_by_id(after)
    shots = []
    for ident, shot in new.items():
        was = _file(previous, old[ident]) if ident in old else None
        now = _file(current, shot)
        shots.append(ShotComparison(
            ident, was, now, shot, difference(was, now) if was is not None else None
        ))
    shots += [ShotComparison(ident, _file(previous, shot), None, shot, None)
              for ident, shot in old.items() if ident not in new]
    old_keys, new_keys = [c.key for c in before.steps], [c.key for c in after.steps]
    return ComparisonResult(
        previous, current, tuple(shots),
        added_steps=tuple(dict.fromkeys(k for k in new_keys if k not in old_keys)),
        removed_steps=tuple(dict.fromkeys(k for k in old_keys if k not in new_keys)),
    )


def _file(folder: Path, shot: Shot) -> Path:
    path = folder / shot.file
    if not path.is_file():
        raise ValueError(f"{folder} 的 {MANIFEST_NAME} 列出的截图不存在：{shot.file}")
    return path
