"""Record one walkthrough: the documented flows in a fresh browser context whose video is the
walkthrough, with the presenter on; the result is the run's manifest and the raw recording."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page

from browser.launch import context_options
from flows import review
from flows.models import Credentials, StaffMember
from flows.office import SmsCodeReader
from flows.procedure import Sites, register_and_authorize, review_until_both_results
from flows.runner import StepObserver, StepRunner
from flows.steps import ALL_STEPS

from .manifest import Manifest
from .narration import Narrator
from .pacing import Pace, Timeline
from .presenter import Presenter, caption_text, chapter_text, presenting

PARTS = ("office", "jcjy", "all")
SIZES = {"1280x720": (1280, 720), "1920x1080": (1920, 1080)}
RAW_VIDEO = "recording.webm"
STEP_TIMEOUT_MS = 15_000
#: The last screen stays a moment before the video ends.
END_HOLD_S = 1.0


@dataclass(frozen=True)
class Procedure:
    """What the flows need to run against one pair of sites."""

    sites: Sites
    staff: StaffMember  # registers and authorizes (section 一; the reviewer too with --part all)
    invite_code: str
    read_sms_code: SmsCodeReader
    school_admin: Credentials
    reviewer: Credentials  # who reviews in a run of section 二 alone (--part jcjy)
    sms_outbox: Callable[[], list[dict]] | None = None  # the SMS the students receive (mocks)


@dataclass(frozen=True)
class Recording:
    manifest: Manifest
    video: Path  # the raw recording (VP9 WebM, the browser's own)
    duration: float  # seconds, from the manifest's clock
    failure: BaseException | None


def run_part(page: Page, procedure: Procedure, part: str, runner: StepRunner) -> None:
    """The flows of ``part``: office = section 一, jcjy = section 二, all = both."""
    sites = procedure.sites
    if part in ("office", "all"):
        register_and_authorize(page, sites, procedure.staff, procedure.invite_code,
                               procedure.read_sms_code, procedure.school_admin, runner)
    if part in ("jcjy", "all"):
        creds = procedure.staff.credentials if part == "all" else procedure.reviewer
        review.staff_login(page, sites.jcjy_url, creds, runner)
        review_until_both_results(page, sites, runner, creds=creds)


def narrator_for(folder: Path, pace: Pace) -> Narrator:
    """A narrator with every caption and chapter card already spoken."""
    narrator = Narrator(folder, pace.speech_wpm)
    narrator.prepare([caption_text(s) for s in ALL_STEPS] + [chapter_text(s.section, s.part) for s in ALL_STEPS])
    return narrator


def record(
    browser: Browser, procedure: Procedure, part: str, stage: str, pace: Pace,
    size: tuple[int, int], out: Path, observers: Sequence[StepObserver] = (),
    narrator: Narrator | None = None,
) -> Recording:
    """Run ``part`` with the presenter on and keep the context's video (its frame size must equal
    the viewport: Firefox writes an empty file otherwise)."""
    width, height = size
    options = context_options(out / "video")
    options["viewport"] = options["record_video_size"] = {"width": width, "height": height}
    context = browser.new_context(**options)
    page = context.new_page()
    timeline = Timeline(time.perf_counter())  # the recording starts with the page
    page.set_default_timeout(STEP_TIMEOUT_MS)
    presenter = Presenter(page, out / "shots", pace, timeline,
                          narrator.seconds if narrator else None, procedure.sms_outbox)
    failure: BaseException | None = None
    try:
        with presenting(presenter):
            try:
                run_part(page, procedure, part, StepRunner(observers=[presenter, *observers]))
            except Exception as exc:  # reported by the caller; the video up to here is kept
                failure = exc
            timeline.hold(page, END_HOLD_S)
    finally:
        duration = timeline.now()
        video = page.video
        context.close()
    raw = out / RAW_VIDEO
    if video is not None:
        Path(video.path()).replace(raw)
    if (out / "video").is_dir():
        (out / "video").rmdir()
    manifest = Manifest(part, stage, pace.name, size, tuple(presenter.captures))
    return Recording(manifest, raw, duration, failure)
