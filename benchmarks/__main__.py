"""``python -m benchmarks`` (``make bench``): run the benchmarks, print tables, write JSON."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from flows.errors import ApplicationError

from . import browser_procedure, http_procedure, review_faults, review_speed, suite, throughput
from .browsing import TRANSPORT_ERRORS

KINDS = ("http", "throughput", "browser", "suite", "review-faults", "review-speed", "review-memory")
REPORT_DIR = Path("reports/bench")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="模拟站点性能基准：纯HTTP全流程、并发吞吐、浏览器全流程、端到端测试墙钟时间。",
    )
    parser.add_argument("--runs", type=int, default=5,
                        help="全流程计中位数的运行次数（另有一次冷启动运行单独报告），默认 5")
    parser.add_argument("--only", action="append", metavar="KIND",
                        help="只运行这些基准：http、throughput、browser、suite（端到端测试墙钟时间）、review-faults、review-speed、"
                             "review-memory（批量审核）（可逗号分隔或重复），默认全部")
    parser.add_argument("--json", type=Path, metavar="PATH",
                        help=f"结果 JSON 的路径，默认 {REPORT_DIR}/<时间>.json")
    group = parser.add_argument_group("throughput 并发吞吐")
    group.add_argument("--clients", type=int, default=8, help="并发客户端数，默认 8")
    group.add_argument("--requests", type=int, default=400, help="每类操作的次数上限，默认 400")
    group.add_argument("--max-seconds", type=float, default=30.0, help="每类操作的时间上限，默认 30 秒")
    group.add_argument("--applications", type=int, default=2000, help="生成的申请数，默认 2000")
    group = parser.add_argument_group("review-* 批量审核 jcjy review")
    group.add_argument("--review-count", type=int, default=200,
                       help="review-faults、review-speed 中审核人员的待审核申请数，默认 200")
    group.add_argument("--kills", type=int, default=5, help="review-faults 中 SIGKILL 的次数，默认 5")
    group.add_argument("--queue", type=int, default=1000, help="review-memory 导出的申请数，默认 1000")
    args = parser.parse_args(argv)
    chosen = [k.strip() for item in (args.only or [",".join(KINDS)]) for k in item.split(",")]
    unknown = sorted(set(chosen) - set(KINDS) - {""})
    if unknown:
        parser.error(f"未知的基准：{'、'.join(unknown)}（可选：{'、'.join(KINDS)}）")
    if args.review_count < 1 or args.kills < 0 or args.queue < 100:
        parser.error("--review-count 必须为正数，--kills 不能为负数，--queue 至少为 100")
    if args.runs < 1 or args.clients < 1 or args.requests < 1 or args.max_seconds <= 0:
        parser.error("--runs、--clients、--requests、--max-seconds 必须为正数")
    args.kinds = [k for k in KINDS if k in chosen]
    return args


def browser_ratio(results: dict) -> dict | None:
    """Browser / plain HTTP (median totals), when both ran."""
    http, browser = results.get("http") or {}, results.get("browser") or {}
    if "median_total_ms" not in http or "median_total_ms" not in browser:
        return None
    ratio = browser["median_total_ms"] / http["median_total_ms"]
    print(f"浏览器 / 纯HTTP（全流程中位数）：{ratio:.1f} 倍  Browser vs plain HTTP: {ratio:.1f}x")
    return {"browser_vs_http_median": round(ratio, 2)}


def machine() -> dict:
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpus": os.cpu_count()}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    progress = print
    results: dict[str, dict | None] = {}
    failed = False
    runners: dict[str, Callable[[], dict]] = {
        "http": lambda: _print(http_procedure.run_http_benchmark(args.runs, progress),
                               http_procedure.report),
        "throughput": lambda: _print(throughput.run_throughput(
            args.clients, args.requests, args.max_seconds, args.applications, progress),
            throughput.report),
        "browser": lambda: _print(browser_procedure.run(args.runs, progress),
                                  browser_procedure.report),
        "suite": lambda: _print(suite.run(progress), suite.report),
        "review-faults": lambda: _print(review_faults.run(args.review_count, args.kills, progress=progress),
                                        review_faults.report),
        "review-speed": lambda: _print(review_speed.run(args.review_count, args.runs, progress),
                                       review_speed.report),
        "review-memory": lambda: _print(review_speed.run_memory(args.queue, progress),
                                        review_speed.report_memory),
    }
    for kind in args.kinds:
        print(f"\n== 基准 {kind} ==")
        try:
            results[kind] = runners[kind]()
        except (ApplicationError, AssertionError, RuntimeError, *TRANSPORT_ERRORS) as exc:
            failed = True
            traceback.print_exc(file=sys.stderr)
            print(f"基准 {kind} 失败：{exc}", file=sys.stderr)
            results[kind] = {"error": str(exc)}
        if kind == "review-faults" and not (results[kind] or {}).get("ok", True):
            failed = True
            print("故障与 SIGKILL 下的批量审核未通过核对（见上表）", file=sys.stderr)
        if kind == "throughput" and any(k["errors"] for k in (results[kind] or {}).get("kinds", [])):
            failed = True
            print("并发吞吐中出现了错误（见上表“错误”列）", file=sys.stderr)
    output = {"created_at": datetime.now().isoformat(timespec="seconds"), "machine": machine(),
              "args": {k: v for k, v in vars(args).items() if k != "json"},
              "results": results, "ratios": browser_ratio(results)}
    path = args.json or REPORT_DIR / f"{datetime.now():%Y%m%d-%H%M%S}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(output, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n结果已写入 {path}  Figures written to {path}")
    return 1 if failed else 0


def _print(figures: dict, report: Callable[[dict], str]) -> dict:
    print(report(figures))
    return figures


if __name__ == "__main__":
    sys.exit(main())
