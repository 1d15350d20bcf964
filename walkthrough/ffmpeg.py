"""ffmpeg for the walkthrough: which binary, the arguments of each output, what a file holds.

The static ffmpeg of the ``imageio-ffmpeg`` wheel (a dependency; it has libx264, libvpx, opus),
else Debian's. MP4: H.264, yuv420p, ``+faststart`` (moov first: plays while downloading, in
WeChat, PowerPoint and on phones), chapters from an ffmetadata file.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

FPS = 25


def ffmpeg_exe() -> str:
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        found = shutil.which("ffmpeg")
        if found is None:
            raise RuntimeError("找不到 ffmpeg：请运行 `make setup`（安装 imageio-ffmpeg）") from None
        return found


def _cut(start: float | None, end: float | None) -> list[str]:
    args: list[str] = []
    if start is not None:
        args += ["-ss", f"{start:.3f}"]
    if end is not None:
        args += ["-t", f"{end - (start or 0.0):.3f}"]
    return args


def mp4_args(
    source: Path, target: Path, metadata: Path | None = None, audio: Path | None = None,
    start: float | None = None, end: float | None = None, keyframes: tuple[float, ...] = (),
) -> list[str]:
    """``source`` (the recording) → an MP4 that plays everywhere, optionally one part of it;
    ``keyframes``: seconds that start a key frame (where the clips are cut)."""
    args = ["-y", "-hide_banner", "-loglevel", "error", *_cut(start, end), "-i", str(source)]
    inputs = 1
    audio_index = metadata_index = None
    if audio is not None:
        args += [*_cut(start, end), "-i", str(audio)]
        audio_index, inputs = inputs, inputs + 1
    if metadata is not None:
        args += ["-i", str(metadata)]
        metadata_index = inputs
    args += ["-map", "0:v:0"]
    if audio_index is not None:
        args += ["-map", f"{audio_index}:a:0", "-c:a", "aac", "-b:a", "96k"]
    if metadata_index is not None:
        args += ["-map_metadata", str(metadata_index), "-map_chapters", str(metadata_index)]
    # The browser records full-range 4:4:4; players expect limited-range 4:2:0 (else yuvj420p).
    args += ["-vf", "scale=in_range=full:out_range=tv,format=yuv420p", "-color_range", "tv",
             "-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "20",
             "-profile:v", "high", "-pix_fmt", "yuv420p", "-r", str(FPS)]
    if keyframes:
        args += ["-force_key_frames", ",".join(f"{t:.3f}" for t in keyframes)]
    return [*args, "-movflags", "+faststart", str(target)]


def clip_args(whole: Path, target: Path, metadata: Path, start: float, end: float) -> list[str]:
    """One part of the finished MP4, copied from the key frame forced at ``start`` (no second
    encoding), with its own chapters."""
    return ["-y", "-hide_banner", "-loglevel", "error", "-ss", f"{start:.3f}", "-i", str(whole),
            "-i", str(metadata), "-t", f"{end - start:.3f}", "-map", "0:v:0", "-map", "0:a:0?",
            "-map_metadata", "1", "-map_chapters", "1", "-c", "copy",
            "-movflags", "+faststart", str(target)]


def webm_args(source: Path, target: Path, audio: Path | None = None) -> list[str]:
    """The recording's own VP9 stream as it is (no second loss), with the narration in Opus."""
    args = ["-y", "-hide_banner", "-loglevel", "error", "-i", str(source)]
    if audio is not None:
        args += ["-i", str(audio), "-map", "0:v:0", "-map", "1:a:0", "-c:a", "libopus", "-b:a", "48k"]
    return [*args, "-c:v", "copy", str(target)]


def run(args: list[str]) -> None:
    done = subprocess.run([ffmpeg_exe(), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = " ".join(done.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"ffmpeg 失败（{args[-1]}）：{tail}")


@dataclass(frozen=True)
class MediaInfo:
    """What ``ffmpeg -i`` says of a file."""

    duration: float
    video_codec: str
    pix_fmt: str
    width: int
    height: int
    audio_codec: str | None
    chapters: int


def describe(path: Path) -> MediaInfo:
    """Read a media file's streams and chapters (``ffmpeg -i``: the wheel has no ffprobe)."""
    text = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(path)],
                          capture_output=True, text=True, check=False).stderr
    duration = re.search(r"Duration: (\d+):(\d+):([\d.]+)", text)
    video = re.search(r"Stream #\S+.*?: Video: (\w+)(.*)", text)
    audio = re.search(r"Stream #\S+.*?: Audio: (\w+)", text)
    if duration is None or video is None:
        raise RuntimeError(f"无法读取视频：{path}")
    pix_fmt = re.search(r"\b(yuvj?\d\w*|nv\d\w*|[rb]gba?\w*|gray\w*)", video[2])
    size = re.search(r" (\d{2,5})x(\d{2,5})\b", video[2])
    h, m, s = duration.groups()
    return MediaInfo(
        int(h) * 3600 + int(m) * 60 + float(s), video[1], pix_fmt[1] if pix_fmt else "",
        int(size[1]) if size else 0, int(size[2]) if size else 0,
        audio[1] if audio else None, len(re.findall(r"^\s+Chapter #", text, re.M)),
    )


def frame_at(video: Path, seconds: float, target: Path) -> Path:
    """One frame of ``video`` at ``seconds`` as a PNG."""
    run(["-y", "-hide_banner", "-loglevel", "error", "-ss", f"{seconds:.3f}", "-i", str(video),
         "-frames:v", "1", str(target)])
    return target
