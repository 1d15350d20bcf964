"""`jcjy walkthrough`: the documented procedure recorded as training material (captioned video,
subtitles, chapters, shots; the illustrated guide from the same run)."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

from playwright.sync_api import Page, sync_playwright
from rich.console import Console

from browser.installation import check_playwright_version
from browser.launch import browser_description, launch_options
from flows.models import Credentials
from flows.steps import Step
from mock_sites.demo import GRADUATE_REVIEWER_ACCOUNT, UNDERGRADUATE_REVIEWER_ACCOUNT
from walkthrough.guide import build_guide, compare_runs
from walkthrough.manifest import Manifest
from walkthrough.outputs import write_outputs
from walkthrough.pacing import PACES
from walkthrough.record import PARTS, SIZES, Procedure, narrator_for, record

from .demo import STAGES
from .serve import add_mock_options, config_from_args
from .targets import Target, embedded_target, external_target

#: The made-up staff member of every walkthrough on the mocks: the same person in every run, so
#: that ``--compare`` sees only what changed on the screens.
STAFF_SEED = 2026
#: The seeded reviewer of each stage on the embedded mocks (a run of section 二 alone).
MOCK_REVIEWERS = {STAGES[0]: GRADUATE_REVIEWER_ACCOUNT, STAGES[1]: UNDERGRADUATE_REVIEWER_ACCOUNT}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("walkthrough", help="录制操作流程演示视频（字幕、章节、截图），默认使用内置模拟站点")
    p.add_argument("--part", choices=PARTS, default="all",
                   help="录制哪一部分：office（一、资助办公系统）、jcjy（二、基层就业系统）、all（默认）")
    p.add_argument("--stage", choices=STAGES, default=STAGES[0], help=f"学段，默认 {STAGES[0]}")
    p.add_argument("--pace", choices=tuple(PACES), default="normal", help="节奏：normal（默认）、slow（初学者）或 fast（只为更新截图与图文指南，视频来不及看清）")
    p.add_argument("--size", choices=tuple(SIZES), default="1280x720", help="视频尺寸，默认 1280x720")
    p.add_argument("--out", help="输出目录，默认 reports/walkthrough/<时间>/")
    p.add_argument("--narrate", action="store_true", help="加普通话朗读音轨（离线，espeak-ng）")
    p.add_argument("--compare", metavar="PREVIOUS_DIR",
                   help="与以前一次录制的输出目录对比：列出截图有变化的步骤，并写出对比.html")
    p.add_argument("--office-url", default=os.environ.get("JCJY_OFFICE_URL"),
                   help="资助办公系统地址（默认：启动内置模拟站点；环境变量 JCJY_OFFICE_URL）")
    p.add_argument("--jcjy-url", default=os.environ.get("JCJY_JCJY_URL"),
                   help="基层就业系统地址（环境变量 JCJY_JCJY_URL）")
    add_mock_options(p)
    p.set_defaults(func=run)


class Progress:
    """A progress line per documented step (rich)."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def step_started(self, step: Step, page: Page | None) -> None:
        self.console.print(f"  [cyan]▶[/] {step.label}", highlight=False)

    def step_finished(self, step: Step, page: Page | None, seconds: float) -> None:
        self.console.print(f"  [green]✔[/] {step.label}（{seconds:.1f} 秒）", highlight=False)

    def step_failed(self, step: Step, page: Page | None, seconds: float, error: BaseException) -> None:
        self.console.print(f"  [red]✘[/] {step.label}（{seconds:.1f} 秒）", highlight=False)


def _procedure(target: Target, reviewer: Credentials) -> Procedure:
    return Procedure(target.sites, target.staff, target.invite_code, target.read_sms_code,
                     target.school_admin, reviewer, target.mock.sms if target.mock else None)


def run(args: argparse.Namespace) -> int:
    if bool(args.office_url) != bool(args.jcjy_url):
        raise ValueError("--office-url 与 --jcjy-url 须同时指定（或都不指定，使用内置模拟站点）")
    if args.compare:
        Manifest.load(Path(args.compare))  # a clear error now, not after the recording
    check_playwright_version()
    options = launch_options("firefox")
    out = Path(args.out) if args.out else Path("reports/walkthrough") / datetime.now().strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    console = Console(highlight=False)
    with ExitStack() as stack:
        if args.office_url:
            target = external_target(args.office_url, args.jcjy_url, args.stage)
            reviewer = target.staff.credentials
        else:
            if args.data_dir is None:  # the mocks' data (hashes, 身份证号) stays out of the output
                args.data_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="jcjy-wt-"))
            target = stack.enter_context(embedded_target(config_from_args(args), args.stage, STAFF_SEED))
            reviewer = Credentials(MOCK_REVIEWERS[args.stage], target.school_admin.password)
        return _record(args, _procedure(target, reviewer), target.description, options, out, console)


def _record(args: argparse.Namespace, procedure: Procedure, description: str, options: dict,
            out: Path, console: Console) -> int:
    pace = PACES[args.pace]
    console.print(f"目标：{description}")
    console.print(f"录制：{args.part} · {args.stage} · 节奏 {args.pace} · {args.size}"
                  f"{' · 朗读' if args.narrate else ''}")
    narrator = narrator_for(out / "narration", pace) if args.narrate else None
    started = time.perf_counter()
    with sync_playwright() as p:
        browser = p.firefox.launch(**options)
        console.print(f"浏览器：{browser_description(browser)}")
        try:
            recording = record(browser, procedure, args.part, args.stage, pace, SIZES[args.size],
                               out, [Progress(console)], narrator)
            recorded_s = time.perf_counter() - started
            console.print(f"录制完成（{recorded_s:.1f} 秒），正在生成视频、字幕和章节…")
            written = write_outputs(recording, out, narrator)
            if recording.failure is None:
                console.print("正在生成图文操作指南（HTML、DOCX、PDF）…")
                written += build_guide(out, browser)
        finally:
            browser.close()
    recording.video.unlink(missing_ok=True)
    if narrator is not None:
        shutil.rmtree(narrator.folder, ignore_errors=True)  # the spoken clips are in the track
    console.print(f"用时 {time.perf_counter() - started:.1f} 秒；写入 {out}/：")
    for path in written:
        if path.exists() and path.parent == out:
            console.print(f"  {path.name}（{path.stat().st_size / 1024:.0f} KB）")
    shots = [p for p in written if p.parent.name == "shots"]
    if shots:
        console.print(f"  shots/（{len(shots)} 张截图）")
    if args.compare and recording.failure is None:
        comparison = compare_runs(Path(args.compare), out)
        for line in comparison.summary():
            console.print(f"  {line}")
        if comparison.page is not None:
            console.print(f"  对比页：{comparison.page}")
    if recording.failure is not None:
        console.print(f"[red]录制未完成：{recording.failure}[/]")
        return 1
    console.print("[green]演示录制完成。[/]")
    return 0
