"""Subtitles of a walkthrough: one cue per recorded step, in order, timed to when its caption was on
screen; the text is the step's number, title and note from :mod:`flows.steps`."""

from __future__ import annotations

from collections.abc import Iterable

from .manifest import StepCapture
from .presenter import caption_text


def _clock(seconds: float, separator: str) -> str:
    ms = max(0, round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{ms:03d}"


def _cues(captures: Iterable[StepCapture], offset: float) -> list[tuple[float, float, str]]:
    return [(c.start - offset, c.end - offset, caption_text(c.step)) for c in captures]


def srt(captures: Iterable[StepCapture], offset: float = 0.0) -> str:
    """SubRip: numbered cues, ``00:00:01,500 --> 00:00:04,000``."""
    blocks = [f"{i}\n{_clock(a, ',')} --> {_clock(b, ',')}\n{text}\n"
              for i, (a, b, text) in enumerate(_cues(captures, offset), start=1)]
    return "\n".join(blocks)


def vtt(captures: Iterable[StepCapture], offset: float = 0.0) -> str:
    """WebVTT: ``WEBVTT`` then cues ``00:00:01.500 --> 00:00:04.000``."""
    blocks = [f"{_clock(a, '.')} --> {_clock(b, '.')}\n{text}\n"
              for a, b, text in _cues(captures, offset)]
    return "WEBVTT\n\n" + "\n".join(blocks)
