"""Chapters of a walkthrough video: one per part of the procedure document (一、（一）, 一、（二）,
二、), read from the run's steps; embedded in the MP4 (ffmetadata) and listed in chapters.json."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from flows.steps import SECTION_JCJY, SECTION_OFFICE

from .manifest import Manifest

CHAPTERS_NAME = "chapters.json"
#: The clip of each part of the run (``--part``) and the section of the procedure it holds.
CLIP_SECTIONS = {"office": SECTION_OFFICE, "jcjy": SECTION_JCJY}


@dataclass(frozen=True)
class Chapter:
    section: str
    part: str
    start: float  # seconds: the chapter card appears
    end: float
    steps: tuple[str, ...]  # keys of the steps recorded in it, in order

    @property
    def title(self) -> str:
        return f"{self.section} {self.part}"


def chapters(manifest: Manifest, duration: float) -> list[Chapter]:
    """Consecutive steps of the same part make one chapter; chapters tile the video: each
    begins where the one before ended (its card shows first), the last ends with the video."""
    found: list[Chapter] = []
    for capture in manifest.steps:
        step = capture.step
        last = found[-1] if found else None
        if last and (last.section, last.part) == (step.section, step.part):
            found[-1] = Chapter(last.section, last.part, last.start, capture.end,
                                (*last.steps, capture.key))
        else:
            start = last.end if last else 0.0
            found.append(Chapter(step.section, step.part, start, capture.end, (capture.key,)))
    if found:
        last = found[-1]
        found[-1] = Chapter(last.section, last.part, last.start, max(duration, last.end), last.steps)
    return found


def clip_ranges(found: list[Chapter]) -> dict[str, tuple[float, float]]:
    """{office|jcjy: (start, end)} of each section the run recorded."""
    ranges: dict[str, tuple[float, float]] = {}
    for name, section in CLIP_SECTIONS.items():
        inside = [c for c in found if c.section == section]
        if inside:
            ranges[name] = (inside[0].start, inside[-1].end)
    return ranges


def write_chapters_json(found: list[Chapter], folder: Path) -> Path:
    path = folder / CHAPTERS_NAME
    data = [{**asdict(c), "title": c.title} for c in found]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _escape(text: str) -> str:
    """ffmetadata's escapes: '=', ';', '#', '\\' and newlines take a backslash."""
    return re.sub(r"([=;#\\\n])", r"\\\1", text)


def ffmetadata(found: list[Chapter], title: str, offset: float = 0.0) -> str:
    """The chapters as an ffmetadata file (milliseconds), shifted by ``-offset`` for a clip."""
    lines = [";FFMETADATA1", f"title={_escape(title)}"]
    for chapter in found:
        start = max(0, round((chapter.start - offset) * 1000))
        end = max(start + 1, round((chapter.end - offset) * 1000))
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={start}", f"END={end}",
                  f"title={_escape(chapter.title)}"]
    return "\n".join(lines) + "\n"
