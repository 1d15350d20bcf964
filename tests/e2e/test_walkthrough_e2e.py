"""One real walkthrough of section 一 (`jcjy walkthrough --part office --pace fast`): the MP4 plays
everywhere, its length is what the steps explain, the subtitles follow the steps, and no secret
typed (password, SMS code, 身份证号) can be read in any output, the video's frames included."""

from __future__ import annotations

import difflib
import json
import re
import subprocess
import threading
from pathlib import Path

import pytest
from PIL import Image

from flows import steps
from jcjy_cli.main import main
from pages.secrets import known_secrets
from walkthrough.chapters import CHAPTERS_NAME
from walkthrough.ffmpeg import describe, ffmpeg_exe
from walkthrough.manifest import ACTION, Manifest, StepCapture
from walkthrough.pacing import PACES
from walkthrough.presenter import caption_text
from walkthrough.record import END_HOLD_S

pytesseract = pytest.importorskip("pytesseract")
# One recording for the whole module: `make test` keeps a module on one xdist worker (`--dist loadfile`).
pytestmark = pytest.mark.slow

#: Where the secrets are typed (and would show, unmasked).
SECRET_STEPS = (steps.REGISTER.key, steps.FILL_PERSONAL_INFO.key)
SECRET_FIELDS = ("短信验证码", "密码", "确认密码", "身份证号")
DIGITS = "--psm 6 -c tessedit_char_whitelist=0123456789X"


def _in_own_thread(args: list[str]) -> int:
    """``jcjy ARGS`` on a thread of its own: the CLI drives Playwright's sync API, which refuses
    to run on a thread where pytest-playwright's event loop already runs."""
    result: list[int] = []
    failure: list[BaseException] = []

    def target() -> None:
        try:
            result.append(main(args))
        except BaseException as exc:  # handed to the test's thread
            failure.append(exc)

    thread = threading.Thread(target=target, name="walkthrough")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result[0]


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, frozenset[str]]:
    """One run's folder, and the secrets it typed (the process may have typed others before)."""
    out = tmp_path_factory.mktemp("walkthrough")
    before = known_secrets()
    assert _in_own_thread(["walkthrough", "--part", "office", "--pace", "fast", "--out", str(out)]) == 0
    return out, known_secrets() - before


@pytest.fixture(scope="module")
def run(recording: tuple[Path, frozenset[str]]) -> Path:
    return recording[0]


def _top_level_boxes(path: Path) -> list[str]:
    names, data = [], path.read_bytes()
    at = 0
    while at + 8 <= len(data):
        size = int.from_bytes(data[at:at + 4], "big")
        names.append(data[at + 4:at + 8].decode("latin-1"))
        if size == 1:
            size = int.from_bytes(data[at + 8:at + 16], "big")
        if size < 8:
            break
        at += size
    return names


def test_mp4_is_h264_yuv420p_faststart_with_chapters_and_explained_length(run):
    manifest = Manifest.load(run)
    info = describe(run / "walkthrough.mp4")
    assert (info.video_codec, info.pix_fmt, info.width, info.height) == ("h264", "yuv420p", 1280, 720)
    boxes = _top_level_boxes(run / "walkthrough.mp4")
    assert boxes.index("moov") < boxes.index("mdat")  # +faststart
    assert info.chapters == 2  # 一、（一） and 一、（二）
    pace = PACES[manifest.pace]
    recorded = [c.key for c in manifest.steps]
    assert recorded == [s.key for s in (
        steps.REGISTER, steps.FILL_PERSONAL_INFO, steps.JOIN_ORGANIZATION, steps.ENTER_INVITE_CODE,
        steps.CHOOSE_DEPARTMENT_AND_STAGE, steps.APPLY_FOR_ADMIN, steps.APPROVE_ADMIN,
        steps.LOGIN_AGAIN, steps.OPEN_MEMBERS, steps.GRANT_REVIEW_PERMISSION)]
    assert all(c.end - c.start >= pace.caption_min_s - 0.05 for c in manifest.steps)
    least = len(manifest.steps) * pace.caption_min_s + 2 * pace.chapter_s
    last = manifest.steps[-1].end
    assert least <= last <= info.duration <= last + END_HOLD_S + 2.0
    assert len(json.loads((run / CHAPTERS_NAME).read_text("utf-8"))) == 2
    assert describe(run / "walkthrough.webm").video_codec in ("vp8", "vp9")


def _cues(text: str, separator: str) -> list[tuple[float, float, str]]:
    clock = rf"(\d\d):(\d\d):(\d\d){re.escape(separator)}(\d{{3}})"
    found = []
    for block in re.split(r"\n\n+", text.strip()):
        match = re.search(rf"{clock} --> {clock}\n(.*)", block, re.S)
        if match:
            g = [int(x) for x in match.groups()[:8]]
            found.append((g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000,
                          g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000, match[9]))
    return found


@pytest.mark.parametrize(("name", "separator"), [("walkthrough.srt", ","), ("walkthrough.vtt", ".")])
def test_subtitles_one_cue_per_step_in_order_timed_to_the_run(run, name, separator):
    manifest = Manifest.load(run)
    text = (run / name).read_text("utf-8")
    if name.endswith(".vtt"):
        assert text.startswith("WEBVTT")
    cues = _cues(text, separator)
    assert len(cues) == len(manifest.steps)
    for (start, end, body), capture in zip(cues, manifest.steps, strict=True):
        assert capture.step.title in body and body.strip() == caption_text(capture.step)
        assert start == pytest.approx(capture.start, abs=0.002)
        assert end == pytest.approx(capture.end, abs=0.002)
    assert all(a[1] <= b[0] for a, b in zip(cues, cues[1:], strict=False))


def _secrets(typed: frozenset[str]) -> dict[str, str]:
    """The password, SMS code and 身份证号 the run typed."""
    found = {
        "身份证号": next(s for s in typed if re.fullmatch(r"\d{17}[\dX]", s)),
        "短信验证码": next(s for s in typed if re.fullmatch(r"\d{4,8}", s)),
        "密码": next(s for s in typed if re.fullmatch(r"Jc[0-9a-f]+7", s)),
    }
    return found


def test_no_secret_in_any_output_file(run, recording):
    secrets = _secrets(recording[1]).values()
    files = [p for p in run.rglob("*") if p.is_file()]
    assert any(p.suffix == ".png" for p in files) and any(p.suffix == ".mp4" for p in files)
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"{path.name} 含有机密信息"


def _secret_region(capture: StepCapture) -> tuple[int, int, int, int]:
    """The union of the boxes of the fields that take a secret in ``capture`` (CSS px = video
    px at 1280×720), with a margin."""
    boxes = [s.box for s in capture.shots if s.kind == ACTION and s.target in SECRET_FIELDS and s.box]
    assert boxes, f"{capture.key}: 没有输入机密的截图"
    left = min(b[0] for b in boxes) - 10
    top = min(b[1] for b in boxes) - 10
    right = max(b[0] + b[2] for b in boxes) + 10
    bottom = max(b[1] + b[3] for b in boxes) + 10
    return int(max(0, left)), int(max(0, top)), int(right - max(0, left)), int(bottom - max(0, top))


def _read_digits(image: Image.Image) -> list[str]:
    big = image.convert("L").resize((image.width * 3, image.height * 3), Image.LANCZOS)
    return re.findall(r"[0-9X]{4,}", pytesseract.image_to_string(big, config=DIGITS).replace(" ", ""))


def _looks_like(runs: list[str], secret: str) -> bool:
    return any(secret in r or difflib.SequenceMatcher(None, r, secret).ratio() >= 0.8 for r in runs)


def test_no_secret_readable_in_video_frames_or_shots(run, recording, tmp_path):
    """OCR where the secret fields are (from the elements' boxes the run recorded), on frames
    sampled twice a second while the secrets are typed and shown, and on the shots."""
    secrets = _secrets(recording[1])
    manifest = Manifest.load(run)
    read: list[str] = []
    for capture in (c for c in manifest.steps if c.key in SECRET_STEPS):
        x, y, w, h = _secret_region(capture)
        folder = tmp_path / capture.key
        folder.mkdir()
        subprocess.run(
            [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-ss", f"{capture.start:.2f}",
             "-t", f"{capture.end - capture.start:.2f}", "-i", str(run / "walkthrough.mp4"),
             "-vf", f"fps=2,crop={w}:{h}:{x}:{y}", str(folder / "%03d.png")], check=True)
        frames = sorted(folder.glob("*.png"))
        assert len(frames) >= 2 * (capture.end - capture.start) - 2
        seen: set[bytes] = set()
        for frame in frames:
            with Image.open(frame) as image:
                pixels = image.convert("L").tobytes()
                if pixels not in seen:  # a held screen is read once
                    seen.add(pixels)
                    read += _read_digits(image)
        for shot in capture.shots:
            with Image.open(run / shot.file) as image:
                read += _read_digits(image.crop((x, y, x + w, y + h)))
    for name, secret in secrets.items():
        assert not _looks_like(read, secret), f"视频或截图中可读出{name}"
