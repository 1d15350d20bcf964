"""`full_procedure` in Firefox (headless), median of N runs, browser launch reported apart."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Playwright, sync_playwright

from browser import nodelay
from browser.installation import check_playwright_version
from browser.launch import browser_description, browser_env, context_options, launch_options
from flows.models import Credentials
from flows.procedure import Sites, full_procedure
from flows.runner import StepRunner
from flows.steps import STEPS_BY_KEY
from harness.mock_control import MockControl
from harness.people import new_staff_member
from mock_sites.demo import SCHOOL_ADMIN_ACCOUNT, MockConfig, demo_invite_code
from mock_sites.server import start_sites

from .memory import PeakMemory
from .stats import median, step_seconds
from .table import render


def _one_run(browser: Browser, data_dir: Path) -> tuple[float, dict[str, float]]:
    """One procedure on fresh sites and a fresh context; total seconds and per-step seconds."""
    config = MockConfig(data_dir=data_dir)
    with start_sites(config) as running:
        context = browser.new_context(**context_options())
        page = context.new_page()
        page.set_default_timeout(15_000)
        runner = StepRunner()
        started = time.perf_counter()
        try:
            full_procedure(
                page, Sites(running.office_url, running.jcjy_url), new_staff_member(), demo_invite_code(),
                MockControl(running.office_url).latest_sms_code,
                Credentials(SCHOOL_ADMIN_ACCOUNT, running.config.demo_password), runner,
            )
            total = time.perf_counter() - started
        finally:
            context.close()
    return total, {step.key: seconds for step, seconds in step_seconds(runner.records).items()}


def _launch(p: Playwright, options: dict) -> tuple[Browser, float]:
    started = time.perf_counter()
    browser = p.firefox.launch(**options)
    return browser, time.perf_counter() - started


def run(runs: int, progress: Callable[[str], None]) -> dict:
    """Median of ``runs`` procedures, each in a freshly launched browser; with the TCP_NODELAY
    shim active, as many runs without it, alternating with the others so that machine noise hits
    both alike. Only one browser is alive at a time: an idle Firefox still takes a few per cent of
    a core, which on two cores would show in the other's figures."""
    check_playwright_version()
    options = launch_options("firefox")
    variants = {"shim": options}
    if nodelay.is_preloaded(options.get("env", {})):  # preloaded through the environment
        variants["plain"] = {**options, "env": browser_env()}
    totals: dict[str, list[float]] = {name: [] for name in variants}
    launches: list[float] = []
    per_step: dict[str, list[float]] = {}
    description = ""
    with PeakMemory() as memory, sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            for name, variant in variants.items():
                browser, launch_s = _launch(p, variant)
                try:
                    description = description or browser_description(browser)
                    total, steps = _one_run(browser, Path(tmp) / f"{name}{i}")
                finally:
                    browser.close()
                totals[name].append(total)
                if name == "shim":
                    launches.append(launch_s)
                    for key, seconds in steps.items():
                        per_step.setdefault(key, []).append(seconds)
            line = f"  第 {i + 1}/{runs} 次：{totals['shim'][-1]:.2f} 秒（浏览器启动 {launches[-1]:.2f} 秒，不计入）"
            if "plain" in totals:
                line += f"，不用 TCP_NODELAY 补丁：{totals['plain'][-1]:.2f} 秒"
            progress(line)
    shim_totals, plain_totals = totals["shim"], totals.get("plain", [])
    figures = {
        "browser": description,
        "launch_ms": round(median(launches) * 1000, 1),
        "runs_ms": [round(t * 1000, 1) for t in shim_totals],
        "median_total_ms": round(median(shim_totals) * 1000, 1),
        "median_step_ms": {k: round(median(v) * 1000, 1) for k, v in per_step.items()},
        "peak_rss_mb": round(memory.peak / 2**20, 1),
    }
    if plain_totals:
        figures["without_nodelay_runs_ms"] = [round(t * 1000, 1) for t in plain_totals]
        figures["without_nodelay_median_ms"] = round(median(plain_totals) * 1000, 1)
        figures["nodelay_speedup"] = round(median(plain_totals) / median(shim_totals), 2)
    return figures


def report(figures: dict) -> str:
    rows = [[f"{STEPS_BY_KEY[key].number} {key}", f"{ms:.0f}"] for key, ms in figures["median_step_ms"].items()]
    rows.append(["合计（中位数）", f"{figures['median_total_ms']:.0f}"])
    head = (
        f"浏览器：{figures['browser']}；启动（中位数）{figures['launch_ms']:.0f} ms（不计入流程）；"
        f"各次 {figures['runs_ms']} ms；进程树峰值内存 {figures['peak_rss_mb']} MB\n"
    )
    if "nodelay_speedup" in figures:
        head += (
            f"不用 TCP_NODELAY 补丁：中位数 {figures['without_nodelay_median_ms']:.0f} ms，"
            f"补丁使流程快 {figures['nodelay_speedup']:.2f} 倍\n"
        )
    return head + render(["步骤", "中位数 ms"], rows)
