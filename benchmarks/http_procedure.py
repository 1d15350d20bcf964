"""Benchmark: the whole documented procedure over plain HTTP against both sites in-process.

One cold run right after the sites start (templates compiled, caches filled on first use),
then ``runs`` warm runs, each after ``/__mock__/reset`` so every run sees the same demo data.
Figures: per step and total, cold apart, median/min/max of the warm runs (milliseconds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from flows.runner import StepRunner
from flows.steps import Step
from mock_sites.server import RunningSites

from . import sites, table
from .browsing import RequestCounter
from .procedure import HttpProcedure, Outcome
from .stats import median, ms, step_seconds

LABEL_WIDTH = 56  # columns of the step label in the table (the JSON has it whole)


@dataclass
class RunResult:
    seconds: dict[Step, float]  # per step, in order of first appearance
    requests: dict[Step, int]
    request_total: int  # every request of the run (all are made inside steps)
    outcome: Outcome

    @property
    def total_s(self) -> float:
        return sum(self.seconds.values())


def run_procedure(running: RunningSites) -> RunResult:
    """One complete run; raises StepFailed naming the step if any page is not as expected."""
    counter = RequestCounter()
    runner = StepRunner(observers=[counter])
    outcome = HttpProcedure(running, runner, counter).run()
    return RunResult(step_seconds(runner.records), counter.per_step, counter.total, outcome)


def summarize(cold: RunResult, warm: list[RunResult]) -> dict:
    """JSON-ready figures (ms) of the cold run and the warm runs' median/min/max."""
    measured = warm or [cold]
    steps = []
    for step, seconds in cold.seconds.items():
        values = [run.seconds[step] for run in measured]
        steps.append({
            "key": step.key, "section": step.section, "label": step.label,
            "requests": cold.requests.get(step, 0),
            "cold_ms": ms(seconds), "median_ms": ms(median(values)),
            "min_ms": ms(min(values)), "max_ms": ms(max(values)),
        })
    totals = [run.total_s for run in measured]
    return {
        "benchmark": "http_procedure",
        "runs": len(warm),
        "requests": cold.request_total,
        "cold_total_ms": ms(cold.total_s),
        "median_total_ms": ms(median(totals)),
        "min_total_ms": ms(min(totals)),
        "max_total_ms": ms(max(totals)),
        "totals_ms": [ms(t) for t in totals],
        "steps": steps,
        "last_outcome": asdict(measured[-1].outcome),
    }


def measure(
    running: RunningSites, runs: int, progress: Callable[[str], None] = print
) -> tuple[RunResult, list[RunResult]]:
    """The cold run, then ``runs`` warm runs each after a reset of both sites."""
    if runs < 1:
        raise ValueError("runs 必须至少为 1")
    cold = run_procedure(running)
    progress(f"  首次运行（冷启动）：{cold.total_s * 1000:,.1f} ms，{cold.request_total} 个请求")
    warm = []
    for n in range(1, runs + 1):
        sites.reset(running)
        warm.append(run_procedure(running))
        progress(f"  第 {n}/{runs} 次：{warm[-1].total_s * 1000:,.1f} ms")
    return cold, warm


def run_http_benchmark(runs: int = 5, progress: Callable[[str], None] = print) -> dict:
    """Start both sites in this process (demo data), run the procedure 1 + ``runs`` times."""
    with sites.in_process() as running:
        progress(f"站点已启动：{running.office_url}（资助办公系统）、{running.jcjy_url}（基层就业系统）")
        cold, warm = measure(running, runs, progress)
    return summarize(cold, warm)


def report(figures: dict) -> str:
    """The Chinese table of one result of ``run_http_benchmark`` (a heading row per section)."""
    rows: list[list[object]] = []
    section = ""
    for s in figures["steps"]:
        if s["section"] != section:
            section = s["section"]
            rows.append([table.clip(section, LABEL_WIDTH), "", "", "", "", ""])
        rows.append([table.clip("  " + s["label"], LABEL_WIDTH), s["requests"], s["cold_ms"],
                     s["median_ms"], s["min_ms"], s["max_ms"]])
    rows.append(["合计 total", figures["requests"], figures["cold_total_ms"],
                 figures["median_total_ms"], figures["min_total_ms"], figures["max_total_ms"]])
    headers = ["步骤", "请求数", "首次(冷) ms", f"中位数(n={figures['runs']}) ms", "最小 ms", "最大 ms"]
    outcome = figures["last_outcome"]
    return "\n".join([
        "全流程（纯HTTP，无浏览器）Whole procedure over plain HTTP — lower bound for the browser",
        table.render(headers, rows),
        f"通过申请 #{outcome['approved_id']}；不通过申请 #{outcome['rejected_id']}"
        f"（{outcome['rejected_student']}，短信：{outcome['sms_text']}）",
        f"HTTP procedure: median {figures['median_total_ms']:,.1f} ms over {figures['runs']} "
        f"warm runs, cold {figures['cold_total_ms']:,.1f} ms, {figures['requests']} requests/run.",
    ])
