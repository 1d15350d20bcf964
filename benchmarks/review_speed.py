"""Benchmarks: `jcjy review export` and `apply` throughput (fault-free, headless Firefox) against
their plain-HTTP lower bounds, and the memory of one long export.

- export: the CLI exports the reviewer's ``count`` 待审核 applications; its lower bound walks the
  same list pages, GETs every 详情 and downloads every proof over ``httpx`` (no parsing, no OCR).
- apply: the CLI submits every row (通过 and 不通过 alternating); after ``/__mock__/reset`` the
  lower bound GETs each 详情 and POSTs its decision.
- memory: one export of ``queue`` applications; the RSS of the tool's process tree (Python +
  Firefox) sampled every 0.5 s against how many applications are done (evidence folders);
  peak up to the 100th against the peak up to the last.
Rates are applications per minute of the whole command (start-up, login and list walk included)
and of its steady part (first application done to last).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import httpx

from pages.jcjy import PASSED, REJECTED

from . import review_tool, scrape, sites, table, throughput
from .browsing import expect, submit
from .stats import median
from .throughput import LIST

EXPORT_TARGET, APPLY_TARGET = 120.0, 60.0  # applications per minute (issue 11)
MEMORY_GROWTH_LIMIT = 0.10


def run(count: int = 200, runs: int = 3, progress: Callable[[str], None] = print) -> dict:
    with tempfile.TemporaryDirectory(prefix="jcjy-review-speed-") as tmp, \
            sites.in_processes(count * review_tool.APPLICATIONS_PER_REVIEWER) as running:
        folder = Path(tmp)
        password = running.config.demo_password
        http_export = median([_http_export(running.jcjy_url, password, count) for _ in range(runs)])
        progress(f"纯HTTP导出下限：{count} 份 {http_export:.1f} 秒（{runs} 次中位数）")
        sheet = folder / "review" / "审核表.xlsx"
        log = folder / "review.log"
        export = review_tool.run_sampled(
            review_tool.start(running, log, "export", "--out", str(sheet)),
            lambda: review_tool.evidence_count(sheet))
        if export.returncode != 0:
            raise RuntimeError(f"export 退出码 {export.returncode}：{review_tool.tail(log)}")
        progress(f"工具导出：{count} 份 {export.seconds:.1f} 秒")
        review_tool.fill(sheet, lambda i, n: (PASSED, "") if i % 2 else (REJECTED, review_tool.remark_for(n)))
        applied = review_tool.run_sampled(
            review_tool.start(running, log, "apply", str(sheet)),
            lambda: review_tool.journal_events(sheet) // 2)
        if applied.returncode != 0:
            raise RuntimeError(f"apply 退出码 {applied.returncode}：{review_tool.tail(log)}")
        progress(f"工具提交：{count} 份 {applied.seconds:.1f} 秒")
        http_apply = []
        for _ in range(runs):
            sites.reset(running)
            http_apply.append(_http_apply(running.jcjy_url, password, count))
        progress(f"纯HTTP提交下限：{count} 份 {median(http_apply):.1f} 秒（{runs} 次中位数）")
    return {"count": count, "runs_http": runs,
            "export": _rates(count, export, http_export, EXPORT_TARGET),
            "apply": _rates(count, applied, median(http_apply), APPLY_TARGET)}


def _rates(count: int, sampled: review_tool.Sampled, http_s: float, target: float) -> dict:
    done = [(t, n) for t, n, _ in sampled.samples if n > 0]
    steady = (done[-1][0] - done[0][0], done[-1][1] - done[0][1]) if len(done) > 1 else (0.0, 0)
    return {
        "seconds": round(sampled.seconds, 1), "per_min": round(count / sampled.seconds * 60, 1),
        "steady_per_min": round(steady[1] / steady[0] * 60, 1) if steady[0] > 0 else None,
        "http_seconds": round(http_s, 2), "http_per_min": round(count / http_s * 60, 1),
        "vs_http": round(sampled.seconds / http_s, 1), "target_per_min": target,
        "met": count / sampled.seconds * 60 >= target,
    }


def _http_export(url: str, password: str, count: int) -> float:
    started = time.perf_counter()
    client, _ = throughput._log_in(url, password)
    with closing(client):
        for app_id in throughput._pending_ids(client)[:count]:
            detail = expect(client.get(f"{LIST}/{app_id}"), "详情").text
            for material in scrape.materials(detail):
                expect(client.get(material.download_url), material.title, content_type="application/pdf")
    return time.perf_counter() - started


def _http_apply(url: str, password: str, count: int) -> float:
    started = time.perf_counter()
    client, _ = throughput._log_in(url, password)
    with closing(client):
        for i, app_id in enumerate(throughput._pending_ids(client)[:count]):
            _decide(client, app_id, PASSED if i % 2 else REJECTED)
    return time.perf_counter() - started


def _decide(client: httpx.Client, app_id: int, result: str) -> None:
    detail = expect(client.get(f"{LIST}/{app_id}"), "详情").text
    remark = "" if result == PASSED else throughput.REJECT_REMARK
    done = submit(client, f"{LIST}/{app_id}/decide", detail, result=result, remark=remark,
                  version=scrape.input_value(detail, "version"))
    expect(done, f"确定（{result}）", contains=("已保存：",))


def run_memory(queue: int = 1000, progress: Callable[[str], None] = print) -> dict:
    with tempfile.TemporaryDirectory(prefix="jcjy-review-memory-") as tmp, \
            sites.in_processes(queue * review_tool.APPLICATIONS_PER_REVIEWER) as running:
        sheet = Path(tmp) / "review" / "审核表.xlsx"
        log = Path(tmp) / "review.log"
        progress(f"导出 {queue} 份申请，采样工具与浏览器的内存…")
        sampled = review_tool.run_sampled(
            review_tool.start(running, log, "export", "--out", str(sheet)),
            lambda: review_tool.evidence_count(sheet), timeout_s=7200)
        if sampled.returncode != 0:
            raise RuntimeError(f"export 退出码 {sampled.returncode}：{review_tool.tail(log)}")
    at_100 = max((rss for _, n, rss in sampled.samples if n <= 100), default=0)
    overall = max((rss for _, n, rss in sampled.samples), default=0)
    marks = {n: max((rss for _, k, rss in sampled.samples if k <= n), default=0)
             for n in (100, queue // 4, queue // 2, queue * 3 // 4, queue)}
    growth = overall / at_100 - 1 if at_100 else float("nan")
    return {"queue": queue, "seconds": round(sampled.seconds, 1),
            "per_min": round(queue / sampled.seconds * 60, 1),
            "peak_mb_by_done": {str(n): round(v / 2**20, 1) for n, v in marks.items()},
            "growth_100_to_last": round(growth, 3), "met": growth <= MEMORY_GROWTH_LIMIT}


def report(f: dict) -> str:
    rows = []
    for kind, name in (("export", "导出 export"), ("apply", "提交 apply")):
        r = f[kind]
        rows.append((name, r["seconds"], r["per_min"], r["steady_per_min"], r["http_seconds"],
                     r["http_per_min"], f"{r['vs_http']}x", r["target_per_min"], "是" if r["met"] else "否"))
    return table.render(["命令", "用时（秒）", "份/分钟", "稳定段 份/分钟", "纯HTTP（秒）", "纯HTTP 份/分钟",
                         "倍数", "目标 份/分钟", "达标"], rows) + f"\n（{f['count']} 份申请；纯HTTP为 {f['runs_http']} 次中位数）"


def report_memory(f: dict) -> str:
    rows = [(f"完成第 {n} 份时", mb) for n, mb in f["peak_mb_by_done"].items()]
    rows += [("增长（第100份 → 最后）", f"{f['growth_100_to_last']:.1%}"),
             ("导出速度（份/分钟）", f["per_min"]), ("达标（≤10%）", "是" if f["met"] else "否")]
    return table.render(["进程树峰值内存（MB）", "数值"], rows)
