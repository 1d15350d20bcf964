"""Wall time of the end-to-end suite, serial and on 2 xdist workers (one run each)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable

from .table import render

SUMMARY = re.compile(r"(\d+) passed")


def _run_suite(workers: int) -> dict:
    command = [sys.executable, "-m", "pytest", "tests/e2e", "-q", "-p", "no:cacheprovider",
               "-n", str(workers)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    tail = done.stdout.strip().splitlines()[-1:] or [""]
    match = SUMMARY.search(tail[0])
    return {"workers": workers, "wall_s": round(seconds, 1), "exit_code": done.returncode,
            "passed": int(match[1]) if match else 0, "summary": tail[0]}


def run(progress: Callable[[str], None]) -> dict:
    results = []
    for workers in (0, 2):
        progress(f"  端到端测试（{'串行' if workers == 0 else f'-n {workers}'}）…")
        results.append(_run_suite(workers))
        if results[-1]["exit_code"] != 0:
            raise AssertionError(f"端到端测试失败（-n {workers}）：{results[-1]['summary']}")
    serial, parallel = results
    return {"runs": results, "speedup": round(serial["wall_s"] / parallel["wall_s"], 2)}


def report(figures: dict) -> str:
    rows = [["串行" if r["workers"] == 0 else f"-n {r['workers']}", r["passed"], f"{r['wall_s']:.1f}"]
            for r in figures["runs"]]
    return render(["方式", "通过", "墙钟 秒"], rows) + f"\n加速比 {figures['speedup']} 倍"
