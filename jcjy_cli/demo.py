"""`jcjy demo`: the whole documented procedure in Firefox, with video, trace and screenshots."""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
from contextlib import ExitStack
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from browser.installation import check_playwright_version
from browser.launch import browser_description, context_options, launch_options
from browser.redaction import redact_trace
from flows.errors import ApplicationError, BusinessError, is_business
from flows.procedure import ProcedureResult, full_procedure
from flows.runner import StepFailed, StepRunner
from harness.people import DEFAULT_PLACEMENT
from pages.base import screen_problems
from pages.secrets import known_secrets

from .masking import mask_phone
from .observers import ConsoleReporter, StepScreenshots
from .serve import add_mock_options, config_from_args
from .targets import Target, embedded_target, external_target

STAGES = tuple(DEFAULT_PLACEMENT)  # 研究生 first: the default

STEP_TIMEOUT_MS = 15_000


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="在 Firefox 中演示完整操作流程（默认使用内置模拟站点）")
    p.add_argument("--headed", action="store_true", help="显示浏览器窗口（需要图形界面）")
    p.add_argument("--slowmo", type=int, default=0, metavar="毫秒", help="每个操作之间放慢的毫秒数")
    p.add_argument("--office-url", default=os.environ.get("JCJY_OFFICE_URL"),
                   help="资助办公系统地址（默认：启动内置模拟站点；环境变量 JCJY_OFFICE_URL）")
    p.add_argument("--jcjy-url", default=os.environ.get("JCJY_JCJY_URL"),
                   help="基层就业系统地址（环境变量 JCJY_JCJY_URL）")
    p.add_argument("--stage", choices=STAGES, default=STAGES[0], help=f"学段，默认 {STAGES[0]}")
    p.add_argument("--out", default="reports/demo", help="输出目录，默认 reports/demo/<时间>/")
    add_mock_options(p)
    p.set_defaults(func=run)


def _log_to(path: Path) -> None:
    """Step log lines go to demo.log (the console shows ConsoleReporter's lines instead)."""
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("jcjy")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def run(args: argparse.Namespace) -> int:
    if bool(args.office_url) != bool(args.jcjy_url):
        raise ValueError("--office-url 与 --jcjy-url 须同时指定（或都不指定，使用内置模拟站点）")
    if args.headed and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise ValueError("--headed 需要图形界面；无显示器时请用：xvfb-run -a jcjy demo --headed")
    check_playwright_version()
    options = launch_options("firefox")
    out = Path(args.out) / datetime.now().strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    _log_to(out / "demo.log")
    with ExitStack() as stack:
        if args.office_url:
            target = external_target(args.office_url, args.jcjy_url, args.stage)
        else:
            if args.data_dir is None:  # a fresh database per demo, kept beside its report
                args.data_dir = str(out / "mock-data")
            target = stack.enter_context(embedded_target(config_from_args(args), args.stage))
        return _run_in_browser(args, target, options, out)


def _run_in_browser(args: argparse.Namespace, target: Target, options: dict, out: Path) -> int:
    print(f"目标：{target.description}")
    print(f"  资助办公系统 {target.sites.office_url}/  基层就业系统 {target.sites.jcjy_url}/loginHome")
    shots = StepScreenshots(out / "steps")
    runner = StepRunner(observers=[ConsoleReporter(), shots])
    result: ProcedureResult | None = None
    failure: BaseException | None = None
    page_alerts: list[str] = []
    started = time.perf_counter()
    with sync_playwright() as p:
        browser = p.firefox.launch(headless=not args.headed, slow_mo=args.slowmo, **options)
        launch_s = time.perf_counter() - started
        print(f"浏览器：{browser_description(browser)}，启动 {launch_s:.1f} 秒")
        context = browser.new_context(**context_options(out / "video"))
        # Snapshots only: the video already shows the screen, and screencast frames triple the size.
        context.tracing.start(screenshots=False, snapshots=True, sources=False)
        page = context.new_page()
        page.set_default_timeout(STEP_TIMEOUT_MS)
        try:
            result = full_procedure(
                page, target.sites, target.staff, target.invite_code, target.read_sms_code,
                target.school_admin, runner,
            )
        except (StepFailed, BusinessError, ApplicationError, PlaywrightError) as exc:
            failure = exc
            page_alerts = _visible_problems(page)
        except KeyboardInterrupt:
            failure = KeyboardInterrupt("已被用户中断")
        finally:
            context.tracing.stop(path=out / "trace.zip")
            video = page.video
            context.close()
            browser.close()
            if video is not None:
                Path(video.path()).replace(out / "video.webm")
            if (out / "video").exists():
                (out / "video").rmdir()
    redact_trace(out / "trace.zip", known_secrets())
    procedure_s = time.perf_counter() - started - launch_s
    summary = _summary(target, runner, result, failure, launch_s, procedure_s)
    summary["page_alerts"] = page_alerts
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), "utf-8")
    return _report(summary, out, shots, failure)


def _visible_problems(page: Page) -> list[str]:
    """What the site says is wrong right now (what a person would read on the screen)."""
    try:
        return screen_problems(page)
    except PlaywrightError:  # the page may be gone; the failure itself is what matters
        return []


def _summary(
    target: Target, runner: StepRunner, result: ProcedureResult | None,
    failure: BaseException | None, launch_s: float, procedure_s: float,
) -> dict:
    staff = replace(target.staff, password="", id_number="")
    sms = []
    if result is not None and target.mock is not None:
        names = {o.name for o in result.outcomes}
        sms = [{**m, "phone": mask_phone(m["phone"])}  # summary.json keeps no full numbers
               for m in target.mock.sms() if any(n in m["text"] for n in names)]
    return {
        "ok": failure is None,
        "target": target.description,
        "staff": {"account": staff.phone, "name": staff.name, "unit": staff.unit, "stage": staff.stage},
        "browser_launch_s": round(launch_s, 2),
        "procedure_s": round(procedure_s, 2),
        "steps": [
            {"number": r.step.number, "title": r.step.title, "seconds": round(r.seconds, 2), "ok": r.ok}
            for r in runner.records
        ],
        "reviews": [
            {"student_no": o.student_no, "name": o.name, "result": o.decision.result,
             "remark": o.decision.remark, "message": o.message}
            for o in (result.outcomes if result else [])
        ],
        "sms_to_students": sms,
        "failure": None if failure is None else str(failure),
        "failure_kind": _kind(failure),
    }


def _kind(failure: BaseException | None) -> str | None:
    """"business" (the site refused, data wrong) or "application" (time-out, error, crash)."""
    if failure is None or isinstance(failure, KeyboardInterrupt):
        return None
    return "business" if is_business(failure) else "application"


KIND_LABELS = {
    "business": "业务问题（站点拒绝或数据不符，重试无益）",
    "application": "系统故障（超时、服务器错误或浏览器故障，可稍后重试）",
}


def _report(summary: dict, out: Path, shots: StepScreenshots, failure: BaseException | None) -> int:
    for review in summary["reviews"]:
        remark = f"（备注：{review['remark']}）" if review["remark"] else ""
        print(f"审核：{review['name']}（{review['student_no']}）{review['result']}{remark}")
    for message in summary["sms_to_students"]:
        print(f"短信：{message['phone']} ← {message['text']}")
    print(f"流程用时 {summary['procedure_s']:.1f} 秒（不含浏览器启动 {summary['browser_launch_s']:.1f} 秒）")
    print(f"输出：{out}/（video.webm、trace.zip、steps/*.png、summary.json、demo.log）")
    if failure is None:
        print("演示完成：全部步骤成功。")
        return 0
    step = getattr(failure, "step", None)
    print(f"演示失败：{'步骤 ' + step.label if step else ''}")
    if summary["failure_kind"]:
        print(f"  类型：{KIND_LABELS[summary['failure_kind']]}")
    for alert in summary.get("page_alerts", []):
        print(f"  页面提示：{alert}")
    cause = str(getattr(failure, "cause", failure)).strip().splitlines()
    print(f"  原因：{' '.join(cause[:2])}{' …（详见 summary.json）' if len(cause) > 2 else ''}")
    if shots.last is not None:
        print(f"  截图：{shots.last}")
    print(f"  追踪：{out / 'trace.zip'}（用 `playwright show-trace` 打开）")
    return 130 if isinstance(failure, KeyboardInterrupt) else 1
