"""Everything made from one recording, in its folder: run.json, walkthrough.mp4 (chapters inside)
and .webm, .srt and .vtt, chapters.json, a clip per part, and the narration track when asked."""

from __future__ import annotations

from pathlib import Path

from . import ffmpeg
from .chapters import chapters, clip_ranges, ffmetadata, write_chapters_json
from .narration import Narrator, mix
from .presenter import caption_text, chapter_text
from .record import Recording
from .subtitles import srt, vtt

NAME = "walkthrough"
TITLE = "操作流程（培养单位）演示"


def _narration_track(recording: Recording, narrator: Narrator, out: Path) -> Path:
    found = chapters(recording.manifest, recording.duration)
    cues = [(c.start, narrator.clip(caption_text(c.step))) for c in recording.manifest.steps]
    cues += [(ch.start, narrator.clip(chapter_text(ch.section, ch.part))) for ch in found]
    return mix(cues, recording.duration, out / "narration.wav")


def write_outputs(recording: Recording, out: Path, narrator: Narrator | None = None) -> list[Path]:
    """Write every output of ``recording`` into ``out``; returns the files written."""
    manifest = recording.manifest
    found = chapters(manifest, recording.duration)
    written = [manifest.save(out), write_chapters_json(found, out)]
    for suffix, text in ((".srt", srt(manifest.steps)), (".vtt", vtt(manifest.steps))):
        path = out / f"{NAME}{suffix}"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    audio = _narration_track(recording, narrator, out) if narrator and manifest.steps else None
    if audio is not None:
        written.append(audio)
    metadata = out / "chapters.ffmeta"
    metadata.write_text(ffmetadata(found, TITLE), encoding="utf-8")
    mp4, webm = out / f"{NAME}.mp4", out / f"{NAME}.webm"
    ranges = clip_ranges(found)
    cuts = tuple(start for start, _ in ranges.values())
    ffmpeg.run(ffmpeg.mp4_args(recording.video, mp4, metadata, audio, keyframes=cuts))
    ffmpeg.run(ffmpeg.webm_args(recording.video, webm, audio))
    written += [mp4, webm]
    if len(ranges) > 1:  # one clip per part; a run of one part is its own clip
        for part, (start, end) in ranges.items():
            inside = [c for c in found if start <= c.start < end]
            clip_meta = out / f"chapters-{part}.ffmeta"
            clip_meta.write_text(ffmetadata(inside, f"{TITLE}（{part}）", offset=start), encoding="utf-8")
            clip = out / f"{NAME}-{part}.mp4"
            ffmpeg.run(ffmpeg.clip_args(mp4, clip, clip_meta, start, end))
            captures = [c for c in manifest.steps if start <= c.start < end]
            clip_srt = out / f"{NAME}-{part}.srt"
            clip_srt.write_text(srt(captures, offset=start), encoding="utf-8")
            written += [clip, clip_srt]
            clip_meta.unlink()
    metadata.unlink()
    written += sorted((out / "shots").glob("*.png"))
    return written
